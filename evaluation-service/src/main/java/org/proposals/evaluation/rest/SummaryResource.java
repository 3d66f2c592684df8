package org.proposals.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.evaluation.service.SummaryService;
import org.proposals.evaluation.summary.AnnualSummary;
import org.proposals.evaluation.summary.SummaryDocx;
import org.proposals.evaluation.summary.SummaryMarkdown;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.security.Access;
import org.proposals.kit.tabular.CsvWriter;
import org.proposals.kit.tabular.XlsxWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/summaries/annual")
@Tag(name = "Annual summary", description = "A unit's annual handling summary (提案办理工作总结) with every figure computed")
public class SummaryResource {

    static final String MARKDOWN = "text/markdown";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> REGISTER_HEADINGS = List.of("序号", "提案编号", "提案标题", "措施类型", "工作措施", "文号", "日期");

    @Inject
    SummaryService summaries;

    @Inject
    RequestTrace trace;

    @GET
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, DOCX})
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "A unit's annual handling summary for a year or a session",
            description = "Every figure of the summary: proposals handled by type and done, adoption, conversion into"
                    + " measures with the register, typical cases (those that led to the most measures), on-time sign-for,"
                    + " opinions, contacts and replies, satisfaction, recess re-assignments still open. As JSON, as"
                    + " Markdown (Accept: text/markdown) or as a Word document (Accept: the DOCX type) following the structure"
                    + " of a bureau's summary, the narrative left as marked places for the office to write. People of a"
                    + " handling unit get their own unit's.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualSummary.class)),
                    @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "No unit, or not exactly one of year and sessionId")
    @APIResponse(responseCode = "406", description = "Accept names none of JSON, Markdown and DOCX")
    public Response annual(@QueryParam("unitId") @Size(max = 100) @Parameter(description = "The unit (own unit for its people)") String unitId,
                           @QueryParam("year") @Min(1900) @Max(2999) @Parameter(description = "Proposals submitted in this year") Integer year,
                           @QueryParam("sessionId") @Parameter(description = "Or: the proposals of this session") UUID sessionId,
                           @Context Request request) {
        AnnualSummary summary = summaries.annual(scope(unitId, year, sessionId));
        String file = "summary-" + summary.unitId() + "-" + (sessionId != null ? sessionId : summary.year());
        Variant variant = request.selectVariant(Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(MARKDOWN),
                MediaType.valueOf(DOCX)).build());
        String type = variant == null ? MediaType.APPLICATION_JSON : variant.getMediaType().toString();
        if (type.startsWith(DOCX)) {
            return Response.ok(SummaryDocx.render(summary), DOCX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".docx\"").build();
        }
        if (type.startsWith(MARKDOWN)) {
            return Response.ok(SummaryMarkdown.render(summary).getBytes(StandardCharsets.UTF_8), MARKDOWN + "; charset=UTF-8").build();
        }
        return Response.ok(summary, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/register")
    @Produces({CSV, XLSX})
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "The summary's appendix: the work measures the unit's proposals led to, for a spreadsheet",
            description = "One row per proposal and measure (序号, 提案编号, 提案标题, 措施类型, 工作措施, 文号, 日期), as CSV"
                    + " (UTF-8 with a byte order mark) or XLSX by Accept.")
    @APIResponse(responseCode = "200", description = "The register",
            content = {@Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "No unit, or not exactly one of year and sessionId")
    @APIResponse(responseCode = "406", description = "Accept names neither CSV nor XLSX")
    public Response register(@QueryParam("unitId") @Size(max = 100) String unitId,
                             @QueryParam("year") @Min(1900) @Max(2999) Integer year,
                             @QueryParam("sessionId") UUID sessionId,
                             @Context Request request) {
        SummaryService.Scope scope = scope(unitId, year, sessionId);
        List<List<Object>> rows = new ArrayList<>();
        String previous = null;
        int number = 0;
        for (SummaryService.RegisterLine line : summaries.register(scope)) {
            if (!line.proposalNumber().equals(previous)) {
                number++;
                previous = line.proposalNumber();
            }
            rows.add(java.util.Arrays.asList(number, line.proposalNumber(), line.proposalTitle(), line.measure().kindLabel(),
                    line.measure().title(), line.measure().documentNumber(), line.measure().issuedOn()));
        }
        String file = "register-" + scope.unitId() + "-" + (sessionId != null ? sessionId : year);
        Variant variant = request.selectVariant(Variant.mediaTypes(MediaType.valueOf(CSV), MediaType.valueOf(XLSX)).build());
        if (variant != null && variant.getMediaType().toString().startsWith(XLSX)) {
            List<List<?>> table = new ArrayList<>();
            table.add(REGISTER_HEADINGS);
            table.addAll(rows);
            return Response.ok(XlsxWriter.toBytes(table), XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".xlsx\"").build();
        }
        return Response.ok(CsvWriter.toBytes(REGISTER_HEADINGS, rows), CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".csv\"").build();
    }

    private SummaryService.Scope scope(String unitId, Integer year, UUID sessionId) {
        String unit = unitId == null || unitId.isBlank() ? null : unitId.strip();
        return new SummaryService.Scope(Access.unitFilter(trace.actor(), unit), year, sessionId);
    }
}
