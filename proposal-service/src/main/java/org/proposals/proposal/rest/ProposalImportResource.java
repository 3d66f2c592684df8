package org.proposals.proposal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.proposals.kit.rest.Uploads;
import org.proposals.kit.tabular.TabularFile;
import org.proposals.proposal.service.ProposalImport;

import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;

@Path("/api/v1/sessions/{sessionId}/imports")
@Tag(name = "Sessions")
public class ProposalImportResource {

    @Inject
    ProposalImport imports;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Import the session's proposals from the committee office's CSV or XLSX file",
            description = """
                    Send the file as the form field `file`. The first row names the columns, by Chinese heading or English name \
                    (any order): 标题/title, 内容/content, 提案人编号/proposerId and 提案人/proposer are required; 提案号/number \
                    (kept if given, in the session's format), 提案人类型/proposerType (个人 or 集体), 集体类型/groupKind (党派, 界别, \
                    专委会), 界别/sector, 联系方式/contact, 附议人/coProposers (李委员(member-li)；王委员(member-wang)), 主题/topics \
                    (codes or names), 关键词/keywords (separated by ；、,) and 提交日期/submittedOn (2022-01-12) are optional. \
                    CSV may be UTF-8 or GB18030. Every row is checked first: with an invalid row nothing is imported (422, each \
                    error naming row and column) unless keepValidRows=true. Rows imported before (same number, or same title and \
                    proposer) are reported as ALREADY_IMPORTED and not added again.""")
    @APIResponse(responseCode = "200", description = "The import report, row by row",
            content = @Content(schema = @Schema(implementation = ProposalImport.Report.class)))
    @APIResponse(responseCode = "400", description = "Not a readable CSV or XLSX file, a required column missing, or no such session")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the proposal committee imports proposals")
    @APIResponse(responseCode = "422", description = "Invalid rows, nothing imported; errors[] names row, column and reason")
    public ProposalImport.Report importProposals(
            @PathParam("sessionId") UUID sessionId,
            @RestForm("file") @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")
            FileUpload file,
            @Parameter(description = "Import the valid rows even when others are invalid")
            @QueryParam("keepValidRows") @DefaultValue("false") boolean keepValidRows,
            @Parameter(description = "File (立案) every imported proposal at once: the list holds proposals already filed")
            @QueryParam("file") @DefaultValue("false") boolean fileThem) {
        TabularFile table = Uploads.spreadsheet(file);
        return imports.importFile(sessionId, table, file.fileName(), keepValidRows, fileThem);
    }
}
