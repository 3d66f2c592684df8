package org.proposals.evaluation.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.evaluation.Satisfaction;
import org.proposals.evaluation.service.SatisfactionService;

import java.util.UUID;

@Path("/api/v1/replies/{replyId}/satisfaction")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Satisfaction", description = "The proposers' ratings of formal replies")
public class SatisfactionResource {

    @Inject
    SatisfactionService satisfactions;

    @POST
    @Operation(summary = "Record the proposer's rating of a formal reply",
            description = "A reply is rated once. Announces the rating with SatisfactionRecorded.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = SatisfactionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "404", description = "No approved reply with this id is known here (yet)")
    @APIResponse(responseCode = "409", description = "The reply has already been rated, or its proposal is not known here yet")
    public Response recordSatisfaction(@PathParam("replyId") UUID replyId, @NotNull @Valid SatisfactionRequest body,
                                       @jakarta.ws.rs.core.Context UriInfo uri) {
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        Satisfaction satisfaction = satisfactions.record(replyId, body.rating(), comment);
        return Response.created(uri.getAbsolutePath())
                .entity(SatisfactionView.of(satisfaction))
                .build();
    }

    @GET
    @Operation(summary = "The rating of a formal reply")
    @APIResponse(responseCode = "200", description = "The rating",
            content = @Content(schema = @Schema(implementation = SatisfactionView.class)))
    @APIResponse(responseCode = "404", description = "The reply has not been rated")
    public SatisfactionView getSatisfaction(@PathParam("replyId") UUID replyId) {
        return SatisfactionView.of(satisfactions.get(replyId));
    }
}
