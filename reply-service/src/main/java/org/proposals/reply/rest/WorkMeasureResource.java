package org.proposals.reply.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Page;
import org.proposals.kit.rest.Versions;
import org.proposals.kit.security.Access;
import org.proposals.kit.tabular.TabularFile;
import org.proposals.reply.MeasureKind;
import org.proposals.reply.WorkMeasure;
import org.proposals.reply.repository.WorkMeasureRepository;
import org.proposals.reply.service.WorkMeasureService;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/work-measures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Work measures", description = "Policies, action plans, events and platforms that proposals led to (提案转化为实际工作措施)")
public class WorkMeasureResource {

    static final String CSV = "text/csv";
    static final String XLSX = TabularFile.XLSX_CONTENT_TYPE;

    @Inject
    WorkMeasureService measures;

    @Inject
    RequestTrace trace;

    @POST
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "Record a work measure that proposals of the unit led to",
            description = "Against one or more live cases of the caller's unit (the measure's unit is theirs). Announces"
                    + " WorkMeasureRecorded once per case. Its version is the ETag to send in If-Match when correcting it.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = WorkMeasureView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (missing or unknown kind, missing title, no issue"
            + " date or one in the future, no cases); errors[] names each field")
    @APIResponse(responseCode = "403", description = "Only the people of a handling unit record its measures")
    @APIResponse(responseCode = "404", description = "A case that does not exist, or another unit's")
    @APIResponse(responseCode = "409", description = "A case that ended with its assignment's adjustment")
    public Response recordMeasure(@NotNull @Valid WorkMeasureRequest body, @Context UriInfo uri) {
        WorkMeasure measure = measures.record(body.details(), body.caseIds());
        return Response.created(uri.getAbsolutePathBuilder().path(measure.id.toString()).build())
                .tag(Versions.etag(measure.version))
                .entity(view(measure))
                .build();
    }

    @GET
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Work measures, latest issued first",
            description = "People of a handling unit see only their unit's measures. year, from and to bound the issue date.")
    @APIResponse(responseCode = "200", description = "A page of measures")
    @APIResponse(responseCode = "400", description = "Invalid query parameter, or from after to")
    @APIResponse(responseCode = "403", description = "Proposers do not read the register")
    public Page<WorkMeasureView> listMeasures(
            @QueryParam("unitId") @Parameter(description = "Only this unit's measures") String unitId,
            @QueryParam("proposalId") @Parameter(description = "Only the measures this proposal led to") UUID proposalId,
            @QueryParam("caseId") @Parameter(description = "Only the measures that stem from this case") UUID caseId,
            @QueryParam("kind") MeasureKind kind,
            @QueryParam("year") @Min(1900) @Max(2999) @Parameter(description = "Issued in this year") Integer year,
            @QueryParam("from") @Parameter(description = "Issued on or after this date") LocalDate from,
            @QueryParam("to") @Parameter(description = "Issued on or before this date") LocalDate to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.invalid("from", "must not be after to (" + to + ")");
        }
        if (year != null) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            from = from == null || from.isBefore(first) ? first : from;
            to = to == null || to.isAfter(last) ? last : to;
        }
        WorkMeasureRepository.Filter filter = new WorkMeasureRepository.Filter(
                Access.unitFilter(trace.actor(), unitId), proposalId, caseId, kind, from, to);
        List<WorkMeasure> items = measures.list(filter, page, size);
        Map<UUID, List<WorkMeasureRepository.LinkedCase>> cases = measures.linkedCases(items.stream().map(m -> m.id).toList());
        return new Page<>(items.stream().map(m -> WorkMeasureView.of(m, cases.get(m.id))).toList(),
                measures.count(filter), page, size);
    }

    @GET
    @Path("/register")
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX})
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "The register of work measures by proposal, as the annual summary's appendix lists them",
            description = "Each proposal (in the order its case was opened) with the measures it led to, issued in the"
                    + " year. JSON, or with Accept: text/csv (UTF-8 with a byte order mark) or the XLSX type, one row per"
                    + " proposal and measure for a spreadsheet. People of a handling unit get their unit's register.")
    @APIResponse(responseCode = "200", description = "The register",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkMeasureRegister.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    @APIResponse(responseCode = "403", description = "Proposers do not read the register")
    @APIResponse(responseCode = "406", description = "Accept names none of JSON, CSV and XLSX")
    public Response measureRegister(@QueryParam("unitId") @Parameter(description = "The unit (for those who see every unit)") String unitId,
                             @QueryParam("year") @Min(1900) @Max(2999) @Parameter(description = "Measures issued in this year") Integer year,
                             @Context Request request) {
        String unit = Access.unitFilter(trace.actor(), unitId);
        WorkMeasureRegister register = WorkMeasureRegister.of(unit, year, measures.register(unit, year));
        Variant variant = request.selectVariant(Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
                MediaType.valueOf(CSV), MediaType.valueOf(XLSX)).build());
        String type = variant == null ? MediaType.APPLICATION_JSON : variant.getMediaType().toString();
        String file = "work-measures" + (unit == null ? "" : "-" + unit) + (year == null ? "" : "-" + year);
        if (type.startsWith(CSV)) {
            return Response.ok(register.csv(), CSV + "; charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".csv\"").build();
        }
        if (type.startsWith(XLSX)) {
            return Response.ok(register.xlsx(), XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".xlsx\"").build();
        }
        return Response.ok(register, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{measureId}")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One work measure with the cases and proposals it stems from",
            description = "Its version is the ETag to send in If-Match when correcting it.")
    @APIResponse(responseCode = "200", description = "The measure",
            content = @Content(schema = @Schema(implementation = WorkMeasureView.class)))
    @APIResponse(responseCode = "403", description = "Proposers do not read the register")
    @APIResponse(responseCode = "404", description = "No such measure, or another unit's")
    public Response getMeasure(@PathParam("measureId") UUID measureId) {
        WorkMeasure measure = measures.get(measureId);
        if (!Access.seesUnit(trace.actor(), measure.unitId)) {
            throw ApiProblem.notFound("Work measure", measureId);
        }
        return Response.ok(view(measure)).tag(Versions.etag(measure.version)).build();
    }

    @PUT
    @Path("/{measureId}")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "Correct a work measure's details",
            description = "Kind, title, document number, date, issuer and description, as for recording it; its cases stay."
                    + " Needs If-Match with the version corrected. Unchanged details change nothing.")
    @APIResponse(responseCode = "200", description = "Corrected (or already so)",
            content = @Content(schema = @Schema(implementation = WorkMeasureView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "403", description = "Only the people of a handling unit correct its measures")
    @APIResponse(responseCode = "404", description = "No such measure, or another unit's")
    @APIResponse(responseCode = "412", description = "The measure changed since the version in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response correctMeasure(@PathParam("measureId") UUID measureId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull @Valid WorkMeasureRequest.Correction body) {
        long expected = Versions.ifMatch(ifMatch, true);
        WorkMeasure measure = measures.correct(measureId, expected, body.details());
        return Response.ok(view(measure)).tag(Versions.etag(measure.version)).build();
    }

    @POST
    @Path("/{measureId}/cases")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "Link a work measure to further cases of its unit",
            description = "Announces WorkMeasureRecorded for each case not linked before; a case linked already is left as it is.")
    @APIResponse(responseCode = "200", description = "The measure with its cases",
            content = @Content(schema = @Schema(implementation = WorkMeasureView.class)))
    @APIResponse(responseCode = "400", description = "No cases named; errors[] names the field")
    @APIResponse(responseCode = "403", description = "Only the people of a handling unit link its measures")
    @APIResponse(responseCode = "404", description = "No such measure or case, or another unit's")
    @APIResponse(responseCode = "409", description = "A case that ended with its assignment's adjustment")
    public Response linkMeasureToCases(@PathParam("measureId") UUID measureId, @NotNull @Valid WorkMeasureRequest.Cases body) {
        WorkMeasure measure = measures.linkCases(measureId, body.caseIds());
        return Response.ok(view(measure)).tag(Versions.etag(measure.version)).build();
    }

    private WorkMeasureView view(WorkMeasure measure) {
        return WorkMeasureView.of(measure, measures.linkedCases(List.of(measure.id)).get(measure.id));
    }
}
