package org.proposals.proposal.rest;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The answers every decision on a proposal can give, documented once. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@APIResponse(responseCode = "200", description = "Decided; the proposal as it now is",
        headers = @Header(name = "ETag", description = "The new version"),
        content = @Content(schema = @Schema(implementation = ProposalView.class)))
@APIResponse(responseCode = "400", description = "Invalid body")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's role does not take this decision")
@APIResponse(responseCode = "404", description = "No such proposal, or not the caller's")
@APIResponse(responseCode = "409", description = "Not allowed in the proposal's current status")
@APIResponse(responseCode = "412", description = "If-Match was sent and the proposal has changed since that version")
@interface DecisionResponses {
}
