package org.proposals.proposal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.events.ProposalKind;
import org.proposals.kit.rest.Versions;
import org.proposals.proposal.ProposalSession;
import org.proposals.proposal.service.SessionService;

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

@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Sessions (届次/会次) of the CPPCC committee and the people's congress, and their number formats")
public class SessionResource {

    @Inject
    SessionService sessions;

    @POST
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Create a session", description = "Proposals are registered and numbered per session.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, e.g. an unusable number format")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the proposal committee creates sessions")
    @APIResponse(responseCode = "409", description = "A session with that kind, term and number exists")
    public Response create(@NotNull @Valid SessionRequest body, @Context UriInfo uri) {
        ProposalSession session = sessions.create(body.toDetails());
        return Response.created(uri.getAbsolutePathBuilder().path(session.id.toString()).build())
                .tag(Versions.etag(session.version)).entity(SessionView.of(session)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Change a session", description = "Its number format and year only while no proposal is registered in it. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the proposal committee changes sessions")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "The change would renumber registered proposals")
    @APIResponse(responseCode = "412", description = "The session changed since the version in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid SessionRequest body) {
        ProposalSession session = sessions.update(id, Versions.ifMatch(ifMatch, true), body.toDetails());
        return Response.ok(SessionView.of(session)).tag(Versions.etag(session.version)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One session")
    @APIResponse(responseCode = "200", description = "The session", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such session")
    public Response get(@PathParam("id") UUID id) {
        ProposalSession session = sessions.get(id);
        return Response.ok(SessionView.of(session)).tag(Versions.etag(session.version)).build();
    }

    @GET
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Sessions, newest first")
    @APIResponse(responseCode = "200", description = "The sessions")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    public List<SessionView> list(@QueryParam("kind") ProposalKind kind, @QueryParam("year") @Min(1949) @Max(2200) Integer year) {
        return sessions.list(kind, year).stream().map(SessionView::of).toList();
    }
}
