package org.proposals.reply;

/** What kind of work measure a proposal led to; the label is the one the unit's register shows. */
public enum MeasureKind {
    /** A policy document issued (政策文件), usually with a document number. */
    POLICY_DOCUMENT("政策文件"),
    /** An action plan or work plan (行动计划). */
    ACTION_PLAN("行动计划"),
    /** An event held: a symposium, a matchmaking fair, a roadshow (活动). */
    EVENT("活动"),
    /** A platform built or a mechanism set up (平台). */
    PLATFORM("平台"),
    OTHER("其他");

    private final String label;

    MeasureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
