package org.proposals.events;

/** How one unit takes part in handling one proposal (办理类型). */
public enum HandlingType {
    /** 承办件: the unit alone handles it and replies. */
    SOLE("承办", true),
    /** 主办件: the unit leads, collects co-handlers' opinions and replies. */
    LEAD("主办", true),
    /** 分办件: each unit answers its own part. */
    SPLIT("分办", true),
    /** 会办件: the unit assists the lead and sends it an opinion, never a reply to the proposer. */
    CO_HANDLING("会办", false);

    private final String label;
    private final boolean repliesToProposer;

    HandlingType(String label, boolean repliesToProposer) {
        this.label = label;
        this.repliesToProposer = repliesToProposer;
    }

    public String label() {
        return label;
    }

    public boolean repliesToProposer() {
        return repliesToProposer;
    }
}
