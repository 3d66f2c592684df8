package org.proposals.assignment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposals.assignment.service.AssignmentService;

import java.util.List;

/**
 * The committee's decisions for many proposals at once, each as in a single {@link AssignmentRequest}. The limit keeps
 * one request's transaction, and the rows it locks, to a few seconds' work.
 */
public record AssignmentBatchRequest(
        @NotEmpty @Size(max = AssignmentBatchRequest.MAX_PROPOSALS) List<@NotNull @Valid AssignmentRequest> assignments) {

    public static final int MAX_PROPOSALS = 500;

    public List<AssignmentService.Decision> decisions() {
        return assignments.stream().map(AssignmentRequest::decision).toList();
    }
}
