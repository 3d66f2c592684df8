package org.proposals.proposal.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposals.events.NotFiledReason;

import java.util.List;
import java.util.UUID;

/** The bodies of the committee's and the proposer's decisions on a proposal. */
public final class Decisions {

    private Decisions() {
    }

    public record NotFiling(@NotNull NotFiledReason reason, @Size(max = 2000) String note) {
    }

    public record Merger(@NotNull UUID intoProposalId) {
    }

    public record Withdrawal(@Size(max = 2000) String reason) {
    }

    /** {@code unitIds} empty: the units whose reply was rated unsatisfied, or every replying unit if none was. */
    public record Reopening(@NotBlank @Size(max = 2000) String reason,
                            @Size(max = 50) List<@NotBlank @Size(max = 100) String> unitIds) {
    }
}
