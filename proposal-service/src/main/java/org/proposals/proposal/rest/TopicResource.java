package org.proposals.proposal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.rest.Versions;
import org.proposals.proposal.Topic;
import org.proposals.proposal.service.TopicService;

import java.util.List;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.PROPOSER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/topics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "The committee's topic taxonomy")
public class TopicResource {

    public record TopicView(String code, String name, String nameEn, int position, boolean active, long version) {
        static TopicView of(Topic t) {
            return new TopicView(t.code, t.name, t.nameEn, t.position, t.active, t.version);
        }
    }

    public record TopicRequest(@NotBlank @Size(max = 100) String name, @Size(max = 200) String nameEn,
                               @Min(0) @Max(100_000) int position, @NotNull Boolean active) {
    }

    @Inject
    TopicService topics;

    @GET
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "The topics, in display order", description = "Retired topics only with includeRetired=true.")
    @APIResponse(responseCode = "200", description = "The topics")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    public List<TopicView> list(@QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired) {
        return topics.list(includeRetired).stream().map(TopicView::of).toList();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Add or change a topic", description = "Retire a topic with active=false; proposals keep it. If-Match optional.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "Invalid code or body")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the proposal committee keeps the taxonomy")
    @APIResponse(responseCode = "412", description = "The topic changed since the version in If-Match")
    public Response save(@PathParam("code") @Pattern(regexp = "[A-Z][A-Z0-9_]{1,59}",
                                 message = "upper-case letters, digits and _, e.g. DIGITAL_ECONOMY") String code,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TopicRequest body) {
        TopicService.Saved saved = topics.save(code, Versions.ifMatch(ifMatch, false),
                new TopicService.TopicDetails(body.name(), body.nameEn(), body.position(), body.active()));
        return Response.status(saved.created() ? 201 : 200).tag(Versions.etag(saved.topic().version))
                .entity(TopicView.of(saved.topic())).build();
    }
}
