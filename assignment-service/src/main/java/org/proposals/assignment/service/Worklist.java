package org.proposals.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.assignment.Assignment;
import org.proposals.assignment.AssignmentStatus;
import org.proposals.assignment.repository.AdjustmentRequestRepository;
import org.proposals.assignment.repository.AssignmentRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a unit, one of its divisions or one handler has in hand: assignments to sign for, those waiting for
 * the committee's decision on an adjustment, those in handling, and among them those due soon and overdue.
 * An assignment may be in handling and due soon at once.
 */
@ApplicationScoped
public class Worklist {

    /** The work, bucket by bucket, each earliest reply first. */
    public record Work(List<Assignment> toSign, List<Assignment> awaitingAdjustment, List<Assignment> inHandling,
                       List<Assignment> dueSoon, List<Assignment> overdue) {
    }

    @Inject
    AssignmentRepository assignments;

    @Inject
    AdjustmentRequestRepository adjustments;

    @Inject
    DeadlineWatch deadlines;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Work of(String unitId, String divisionId, String handlerId) {
        Work work = new Work(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Assignment> open = assignments.open(unitId, divisionId, handlerId);
        Set<UUID> awaitingDecision = adjustments.withPending(open.stream()
                .filter(a -> a.status == AssignmentStatus.ASSIGNED).map(a -> a.id).toList());
        for (Assignment assignment : open) {
            if (assignment.status == AssignmentStatus.ASSIGNED) {
                (awaitingDecision.contains(assignment.id) ? work.awaitingAdjustment() : work.toSign()).add(assignment);
            } else {
                work.inHandling().add(assignment);
            }
            switch (deadlines.light(assignment)) {
                case YELLOW -> work.dueSoon().add(assignment);
                case RED -> work.overdue().add(assignment);
                case GREEN -> {
                }
            }
        }
        return work;
    }
}
