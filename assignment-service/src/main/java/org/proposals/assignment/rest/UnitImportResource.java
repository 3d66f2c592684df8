package org.proposals.assignment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.proposals.assignment.service.UnitImport;
import org.proposals.assignment.service.UnitScope;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.Uploads;
import org.proposals.kit.tabular.TabularFile;


import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/units/imports")
@Tag(name = "Units")
public class UnitImportResource {

    @Inject
    UnitImport imports;

    @Inject
    RequestTrace trace;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({COMMITTEE, ADMIN, UNIT_OFFICE})
    @Operation(summary = "Import units, divisions and people from a CSV or XLSX file",
            description = """
                    Send the file as the form field `file`, one row per person. The first row names the columns, by Chinese \
                    heading or English name (any order): 人员编号/personId, 姓名/name, 职务/position (局主要领导, 分管局领导, \
                    处室负责人, 具体承办人, 办公室 or BUREAU_HEAD, DEPUTY_HEAD, DIVISION_HEAD, HANDLER, OFFICE), 单位编号/unitId \
                    and 单位名称/unitName are required; 单位简称/unitShortName, 处室编号/divisionId, 处室名称/divisionName, \
                    联系电话/phone and 状态/status (在职 or 停用) are optional. Units and divisions are created or renamed as \
                    the rows name them, people created or updated by id; a row that matches what is recorded is UNCHANGED, so \
                    the same file imported again changes nothing. A unit's office imports its own unit's divisions and people \
                    only. Every row is checked first: with an invalid row nothing is imported (422, each error naming row and \
                    column) unless keepValidRows=true.""")
    @APIResponse(responseCode = "200", description = "The import report, row by row",
            content = @Content(schema = @Schema(implementation = UnitImport.Report.class)))
    @APIResponse(responseCode = "400", description = "Not a readable CSV or XLSX file, or a required column missing")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the committee, administrators and units' offices import")
    @APIResponse(responseCode = "422", description = "Invalid rows, nothing imported; errors[] names row, column and reason")
    public UnitImport.Report importUnitsAndPeople(
            @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file,
            @Parameter(description = "Import the valid rows even when others are invalid")
            @QueryParam("keepValidRows") @DefaultValue("false") boolean keepValidRows) {
        TabularFile table = Uploads.spreadsheet(file);
        return imports.importFile(UnitScope.of(trace.actor()), table, file.fileName(), keepValidRows);
    }
}
