package org.proposals.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * A unit's request, within its adjustment window, to be relieved of an assignment or to have it changed
 * (退回/申请调整), and the committee's decision, which is due within its own time limit.
 */
@Entity
@Table(name = "adjustment_request")
public class AdjustmentRequest extends AssignmentChangeRequest {

    /** The unit the requesting unit thinks should handle it instead, if it names one. */
    @Column(name = "suggested_unit_id")
    public String suggestedUnitId;

    @Column(name = "decision_due")
    public LocalDate decisionDue;

    @Column(name = "decided_late")
    public Boolean decidedLate;
}
