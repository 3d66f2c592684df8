package org.proposals.proposal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.events.Actor;
import org.proposals.events.ProposalKind;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Page;
import org.proposals.kit.rest.Versions;
import org.proposals.kit.security.Access;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposalStatus;
import org.proposals.proposal.repository.ProposalFilter;
import org.proposals.proposal.repository.ProposalSort;
import org.proposals.proposal.service.ProposalSearch;
import org.proposals.proposal.service.ProposalService;
import org.proposals.proposal.service.ProposalTimeline;

import java.util.List;
import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.PROPOSER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals", description = "Registration of proposals and suggestions, the committee's decisions on them and their handling status")
// The answer is built from the proposal inside the transaction that read or changed it, so that it shows exactly
// the version its ETag names.
@Transactional
public class ProposalResource {

    @Inject
    ProposalService proposals;

    @Inject
    ProposalTimeline timeline;

    @Inject
    ProposalSearch search;

    @Inject
    RequestTrace trace;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Register a proposal or suggestion",
            description = "Gives it the next number of its session, in the session's format, and announces it with ProposalSubmitted.")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "ETag", description = "The version to send in If-Match"),
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the proposal committee registers proposals")
    public Response submit(@NotNull @Valid ProposalRequest body, @Context UriInfo uri) {
        Proposal proposal = proposals.submit(body.toNewProposal());
        return Response.created(uri.getAbsolutePathBuilder().path(proposal.id.toString()).build())
                .tag(Versions.etag(proposal.version))
                .entity(ProposalView.of(proposal, List.of()))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One proposal with each unit's part in its handling",
            description = "A proposer sees only the proposals they put forward or co-signed; another's answers 404. "
                    + "The ETag is the version to send in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The proposal",
            headers = @Header(name = "ETag", description = "The version to send in If-Match"),
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such proposal, or not the caller's")
    public Response get(@PathParam("id") UUID id) {
        return current(visible(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Correct a registration before assignment",
            description = "Replaces title, content, proposers, topics and keywords; announced with ProposalRevised. "
                    + "Needs If-Match with the version edited.")
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the proposal committee corrects registrations")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "Already assigned or settled")
    @APIResponse(responseCode = "412", description = "The proposal changed since the version in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response revise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid ProposalCorrection body) {
        return current(proposals.revise(id, Versions.ifMatch(ifMatch, true), body.toCorrection()));
    }

    @POST
    @Path("/{id}/filing")
    @Consumes(MediaType.WILDCARD) // a decision without a body may come without a content type
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "File the proposal (立案)", description = "From SUBMITTED; it may then be assigned. Announced with ProposalFiled.")
    @DecisionResponses
    public Response file(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(proposals.file(id, Versions.ifMatch(ifMatch, false)));
    }

    @POST
    @Path("/{id}/non-filing")
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Decide not to file the proposal",
            description = "From SUBMITTED, with the reason: converted to an opinion letter, or returned. Announced with ProposalNotFiled.")
    @DecisionResponses
    public Response notFile(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull @Valid Decisions.NotFiling body) {
        return current(proposals.notFile(id, Versions.ifMatch(ifMatch, false), body.reason(), body.note()));
    }

    @POST
    @Path("/{id}/merger")
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Merge the proposal into another (并案)",
            description = "From SUBMITTED or FILED, into a filed, open proposal of the same session. It is handled with that one, "
                    + "and its proposer still gets a reply. Announced with ProposalMerged.")
    @DecisionResponses
    public Response merge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull @Valid Decisions.Merger body) {
        return current(proposals.merge(id, Versions.ifMatch(ifMatch, false), body.intoProposalId()));
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed({PROPOSER, COMMITTEE, ADMIN})
    @Operation(summary = "Withdraw the proposal",
            description = "By its lead proposer (or the committee on their behalf), before it is assigned. Announced with ProposalWithdrawn.")
    @DecisionResponses
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid Decisions.Withdrawal body) {
        Actor actor = trace.actor();
        if (!actor.hasAnyRole(COMMITTEE, ADMIN)) {
            Proposal proposal = visible(id);
            if (!proposal.proposerId.equals(actor.id())) {
                throw new io.quarkus.security.ForbiddenException("only the lead proposer withdraws a proposal");
            }
        }
        return current(proposals.withdraw(id, Versions.ifMatch(ifMatch, false), body == null ? null : body.reason()));
    }

    @POST
    @Path("/{id}/reopening")
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Reopen the proposal for re-handling",
            description = "From REPLIED, EVALUATED or CLOSED, e.g. after an unsatisfied rating: the units named (by default those rated "
                    + "unsatisfied) reply again in a new round. Announced with ProposalReopened.")
    @DecisionResponses
    public Response reopen(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid Decisions.Reopening body) {
        return current(proposals.reopen(id, Versions.ifMatch(ifMatch, false), body.unitIds(), body.reason()));
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.WILDCARD) // a decision without a body may come without a content type
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Close the proposal", description = "From REPLIED or EVALUATED. Announced with ProposalClosed.")
    @DecisionResponses
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(proposals.close(id, Versions.ifMatch(ifMatch, false)));
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Every event about the proposal, from all services, in order",
            description = "Registration, decisions, assignments, sign-for, replies, ratings ..., each with its time and the person "
                    + "whose action caused it.")
    @APIResponse(responseCode = "200", description = "The events, oldest first")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such proposal, or not the caller's")
    public List<TimelineEntryView> timeline(@PathParam("id") UUID id) {
        visible(id);
        return timeline.of(id).stream().map(e -> new TimelineEntryView(e.eventId(), e.occurredAt(), e.eventType(), e.source(),
                e.unitId(), read(e.actor(), Actor.class), read(e.details(), com.fasterxml.jackson.databind.JsonNode.class))).toList();
    }

    @GET
    @Path("/{id}/similar")
    @RolesAllowed({COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Earlier proposals like this one, from any year, best first",
            description = "So that a handler sees what was asked before and how it was answered. The score (0 to 1) weighs "
                    + "shared words of title and keywords as much as shared words of the whole text.")
    @APIResponse(responseCode = "200", description = "The similar proposals with their scores")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Proposers do not browse others' proposals")
    @APIResponse(responseCode = "404", description = "No such proposal")
    public List<SimilarProposal> similar(@PathParam("id") UUID id,
                                         @Parameter(description = "Only proposals or only suggestions; both by default")
                                         @QueryParam("kind") ProposalKind kind,
                                         @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
                                         @Parameter(description = "Leave out proposals scoring below this")
                                         @QueryParam("minScore") @DefaultValue("0.05") @jakarta.validation.constraints.DecimalMin("0")
                                         @jakarta.validation.constraints.DecimalMax("1") double minScore) {
        return search.similarTo(proposals.get(id), kind, limit, minScore).stream().map(SimilarProposal::of).toList();
    }

    @GET
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Proposals, filtered, sorted and paged, with the total count",
            description = "A proposer's list holds only the proposals they put forward or co-signed. Repeat status or topic to "
                    + "match any of several.")
    @APIResponse(responseCode = "200", description = "A page of proposals")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    public Page<ProposalSummary> list(
            @QueryParam("sessionId") UUID sessionId,
            @QueryParam("year") @Min(1949) @Max(2200) Integer year,
            @QueryParam("kind") ProposalKind kind,
            @QueryParam("status") List<ProposalStatus> statuses,
            @QueryParam("topic") List<@Size(max = 60) String> topics,
            @Parameter(description = "The lead proposer or a co-proposer") @QueryParam("proposerId") @Size(max = 100) String proposerId,
            @Parameter(description = "A unit the proposal was assigned to") @QueryParam("unitId") @Size(max = 100) String unitId,
            @Parameter(description = "Words to find in title, keywords and content; Chinese needs no spaces (专精特新, 数字化转型)")
            @QueryParam("q") @Size(max = 200) String q,
            @Parameter(description = "number, -number, submittedAt, -submittedAt, -updatedAt, or relevance (with q); "
                    + "default relevance with q, else -submittedAt")
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        if (Access.isOnlyProposer(trace.actor())) {
            proposerId = trace.actor().id();
        }
        boolean searching = q != null && !q.isBlank();
        String wanted = sort != null ? sort : searching ? ProposalSort.RELEVANCE.apiName() : ProposalSort.SUBMITTED_DESC.apiName();
        ProposalSort order = ProposalSort.fromApiName(wanted)
                .filter(s -> searching || s != ProposalSort.RELEVANCE)
                .orElseThrow(() -> ApiProblem.invalid("sort", "one of " + ProposalSort.allowed() + " (relevance only with q)"));
        ProposalFilter filter = new ProposalFilter(sessionId, year, kind, statuses, topics, proposerId, unitId,
                searching ? search.query(q) : null);
        return new Page<>(proposals.list(filter, order, page, size).stream().map(ProposalSummary::of).toList(),
                proposals.count(filter), page, size);
    }

    /** The proposal, if the caller may see it: a proposer sees only their own, and another's does not exist for them. */
    private Proposal visible(UUID id) {
        Proposal proposal = proposals.get(id);
        Actor actor = trace.actor();
        if (Access.isOnlyProposer(actor) && !proposal.isProposer(actor.id())) {
            throw ApiProblem.notFound("Proposal", id);
        }
        return proposal;
    }

    private Response current(Proposal proposal) {
        return Response.ok(ProposalView.of(proposal, proposals.mergedInto(proposal.id)))
                .tag(Versions.etag(proposal.version))
                .build();
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored timeline entry cannot be read", e);
        }
    }
}
