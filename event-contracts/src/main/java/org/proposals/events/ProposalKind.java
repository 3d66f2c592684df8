package org.proposals.events;

/** CPPCC proposals and NPC deputies' suggestions follow the same handling flow. */
public enum ProposalKind {
    /** 政协提案 */
    PROPOSAL("提案"),
    /** 人大代表建议 */
    SUGGESTION("建议");

    private final String label;

    ProposalKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
