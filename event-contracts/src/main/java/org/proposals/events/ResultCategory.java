package org.proposals.events;

/** What a reply says was done about the proposal. */
public enum ResultCategory {
    /** Solved or basically solved, adopted. */
    A("已解决或基本解决"),
    /** Being solved or planned. */
    B("正在解决或列入计划解决"),
    /** To be solved when conditions allow. */
    C("因条件限制待以后解决"),
    /** Kept for reference. */
    D("留作参考");

    private final String label;

    ResultCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
