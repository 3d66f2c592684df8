package org.proposals.supervision;

/** What a status report tells the supervision system; see supervision-system.yaml for each one's details. */
public enum ReportType {
    ASSIGNED,
    SIGNED_FOR,
    ADJUSTMENT_REQUESTED,
    ADJUSTMENT_DECIDED,
    EXTENSION_REQUESTED,
    EXTENSION_DECIDED,
    OVERDUE,
    REPLY_APPROVED,
    REPLY_DELIVERED,
    SATISFACTION_RECORDED,
    REHANDLING_REQUESTED,
    REHANDLING_STARTED,
    PROPOSAL_CLOSED,
    KEY_PROPOSAL_MARKED,
    DIRECTIVE_APPLIED,
    DIRECTIVE_REJECTED,
    PROGRESS_REPORTED
}
