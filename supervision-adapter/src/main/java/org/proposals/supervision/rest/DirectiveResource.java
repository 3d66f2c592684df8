package org.proposals.supervision.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Page;
import org.proposals.supervision.ReceivedDirective;
import org.proposals.supervision.client.RequestSignature;
import org.proposals.supervision.config.SupervisionConfig;
import org.proposals.supervision.service.DirectiveService;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;

@Path("/api/v1/supervision/directives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directives", description = "The supervision office's directives, sent by its system")
public class DirectiveResource {

    @Inject
    DirectiveService directives;

    @Inject
    SupervisionConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    private RequestSignature signature;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(SUPERVISION_SYSTEM)
    @Operation(summary = "Send a directive of the supervision office",
            description = "MARK_KEY (key proposal supervised by leaderName), URGE (督办 the unit), PROGRESS_REPORT (the unit "
                    + "reports its progress by dueDate) or EARLIER_DEADLINE (the unit replies by dueDate). The body is signed "
                    + "like every request between the two systems (X-Signature-Timestamp, X-Signature; see "
                    + "supervision-system.yaml). An accepted directive goes to assignment-service, which applies or rejects it; "
                    + "the outcome comes back as a status report (DIRECTIVE_APPLIED, DIRECTIVE_REJECTED) and at statusUrl. "
                    + "Sent again with the same directiveId and contents, it changes nothing and answers 200 with its status.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DirectiveRequest.class)))
    @Parameter(name = RequestSignature.TIMESTAMP_HEADER, in = ParameterIn.HEADER, required = true,
            description = "Seconds since the epoch; within the replay window (5 minutes) of the platform's clock")
    @Parameter(name = RequestSignature.SIGNATURE_HEADER, in = ParameterIn.HEADER, required = true,
            description = "v1=hex(HMAC-SHA256(secret, timestamp + \"\\n\" + \"POST\" + \"\\n\" + path + \"\\n\" + body))")
    @APIResponse(responseCode = "202", description = "Accepted: on its way to the unit",
            content = @Content(schema = @Schema(implementation = SupervisionViews.Directive.class)))
    @APIResponse(responseCode = "200", description = "Received before: its status now",
            content = @Content(schema = @Schema(implementation = SupervisionViews.Directive.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "401", description = "No valid token, or the signature is missing, stale or does not match")
    @APIResponse(responseCode = "403", description = "Only the supervision system sends directives")
    @APIResponse(responseCode = "409", description = "The directiveId was received before with other contents")
    @APIResponse(responseCode = "422", description = "Not accepted: the proposal is not known, or the unit does not handle it")
    public Response receive(String body, @Context HttpHeaders headers, @Context UriInfo uri) throws JsonProcessingException {
        if (config.inbound().signatureRequired()) {
            signature().problemWith(headers.getHeaderString(RequestSignature.TIMESTAMP_HEADER),
                            headers.getHeaderString(RequestSignature.SIGNATURE_HEADER), "POST", uri.getRequestUri().getRawPath(),
                            body == null ? "" : body, Instant.now(), config.system().hmac().replayWindow())
                    .ifPresent(problem -> {
                        throw new ApiProblem(401, ApiProblem.TYPE_BASE + "bad-signature", "The request's signature does not hold",
                                problem, null);
                    });
        }
        DirectiveService.Received received = directives.receive(parse(body));
        SupervisionViews.Directive view = SupervisionViews.Directive.of(received.directive());
        return received.created()
                ? Response.accepted(view).location(URI.create(view.statusUrl())).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/{directiveId}")
    @RolesAllowed({SUPERVISION_SYSTEM, SUPERVISOR, ADMIN})
    @Operation(summary = "A directive by the supervision system's id, and whether it was applied")
    @APIResponse(responseCode = "200", description = "The directive",
            content = @Content(schema = @Schema(implementation = SupervisionViews.Directive.class)))
    @APIResponse(responseCode = "404", description = "No directive with this id was received")
    public SupervisionViews.Directive directive(@PathParam("directiveId") @Size(max = 64) String directiveId) {
        return SupervisionViews.Directive.of(directives.get(directiveId));
    }

    @GET
    @RolesAllowed({SUPERVISION_SYSTEM, SUPERVISOR, ADMIN})
    @Operation(summary = "Directives received, newest first, optionally of one proposal")
    @APIResponse(responseCode = "200", description = "A page of directives")
    public Page<SupervisionViews.Directive> list(@QueryParam("proposalId") UUID proposalId,
                                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var query = proposalId == null
                ? ReceivedDirective.<ReceivedDirective>find("order by receivedAt desc")
                : ReceivedDirective.<ReceivedDirective>find("proposalId = ?1 order by receivedAt desc", proposalId);
        return new Page<>(query.page(page, size).list(), query.count(), page, size).map(SupervisionViews.Directive::of);
    }

    /** Read from the exact bytes that were signed, then checked like any body. */
    private DirectiveRequest parse(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw ApiProblem.invalid("body", "is required");
        }
        DirectiveRequest request = json.readValue(body, DirectiveRequest.class);
        if (request == null) {
            throw ApiProblem.invalid("body", "is required");
        }
        Set<ConstraintViolation<DirectiveRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    private RequestSignature signature() {
        if (signature == null) {
            signature = new RequestSignature(config.system().hmac().secret().orElseThrow(() -> new IllegalStateException(
                    "supervision.system.hmac.secret (SUPERVISION_SYSTEM_HMAC_SECRET) is required to check signatures")));
        }
        return signature;
    }
}
