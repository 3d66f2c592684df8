package org.proposals.events;

/** The proposer's rating of a reply. An unsatisfied rating re-opens the handling. */
public enum SatisfactionRating {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意");

    private final String label;

    SatisfactionRating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Satisfaction rates count both satisfied and basically satisfied ratings. */
    public boolean countsAsSatisfied() {
        return this != UNSATISFIED;
    }
}
