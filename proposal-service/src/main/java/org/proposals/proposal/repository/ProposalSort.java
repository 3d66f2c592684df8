package org.proposals.proposal.repository;

import java.util.Arrays;
import java.util.Optional;

/** The orders a list of proposals can be given in; the API names them as in {@code sort=-submittedAt}. */
public enum ProposalSort {
    NUMBER("number", "s.year, p.number"),
    NUMBER_DESC("-number", "s.year DESC, p.number DESC"),
    SUBMITTED("submittedAt", "p.submitted_at, p.number"),
    SUBMITTED_DESC("-submittedAt", "p.submitted_at DESC, p.number DESC"),
    UPDATED_DESC("-updatedAt", "p.updated_at DESC, p.number DESC"),
    /** Best match first; only with a search query. */
    RELEVANCE("relevance", "rank DESC, p.submitted_at DESC, p.number DESC");

    private final String apiName;
    final String orderBy;

    ProposalSort(String apiName, String orderBy) {
        this.apiName = apiName;
        this.orderBy = orderBy;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<ProposalSort> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(ProposalSort::apiName).toList());
    }
}
