package org.proposals.kit.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Page;
import org.proposals.kit.security.Roles;

import java.util.UUID;

/** This service's audit trail: its records, and a check of its hash chain. Every service serves its own. */
@Path("/api/v1/audit-records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what when in this service: append-only records in a hash chain")
public class AuditRecordResource {

    @Inject
    AuditRecords records;

    @Inject
    AuditVerifier verifier;

    @GET
    @RolesAllowed({Roles.COMMITTEE, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Audit records, newest first, optionally of one proposal, one kind of record or one record",
            description = "Each names the person whose action caused the change, the request or the event it came"
                    + " from, and the changed fields before and after.")
    @APIResponse(responseCode = "200", description = "A page of audit records")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public Page<AuditRecordView> listAuditRecords(
            @QueryParam("proposalId") @Parameter(description = "Only the records concerning this proposal") UUID proposalId,
            @QueryParam("recordType") @Parameter(description = "Only records of this kind, e.g. Proposal") String recordType,
            @QueryParam("recordId") @Parameter(description = "Only the records of the record with this id") String recordId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        String type = blankToNull(recordType);
        String id = blankToNull(recordId);
        return new Page<>(records.list(proposalId, type, id, page, size).stream().map(AuditRecordView::of).toList(),
                records.count(proposalId, type, id), page, size);
    }

    @GET
    @Path("/verification")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Check the hash chain of this service's audit records",
            description = "Recomputes the hash of every sealed record in chain order and reports the first record"
                    + " that was changed, removed, inserted or moved since it was sealed. Given the lastChainPosition"
                    + " and lastHash of an earlier report, kept outside the database, it also reports a chain cut short"
                    + " or rewritten to its end since then. Takes time proportional to the length of the chain.")
    @APIResponse(responseCode = "200", description = "The verification report; intact is false when a link is broken",
            content = @Content(schema = @Schema(implementation = AuditVerification.class)))
    @APIResponse(responseCode = "400", description = "Invalid lastChainPosition or lastHash, or only one of them")
    public AuditVerification verifyAuditChain(
            @QueryParam("lastChainPosition") @Min(1)
            @Parameter(description = "lastChainPosition of an earlier report, to check that its last record is still there")
            Long lastChainPosition,
            @QueryParam("lastHash") @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hexadecimal digits")
            @Parameter(description = "lastHash of the same report") String lastHash) {
        if (lastChainPosition == null && lastHash != null) {
            throw ApiProblem.invalid("lastChainPosition", "must be given with lastHash");
        }
        if (lastChainPosition != null && lastHash == null) {
            throw ApiProblem.invalid("lastHash", "must be given with lastChainPosition");
        }
        return verifier.verify(lastChainPosition, lastHash);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
