package org.proposals.assignment.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.proposals.assignment.Assignment;
import org.proposals.assignment.AssignmentStatus;
import org.proposals.assignment.config.ReminderConfig;
import org.proposals.assignment.repository.AssignmentRepository;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.assignment.DeadlineReminderSent;
import org.proposals.events.assignment.DeadlineMissed;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.time.CityClock;
import org.proposals.kit.time.WorkingCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches the clocks of open assignments: reminds the unit before a deadline (DeadlineReminderSent) and,
 * once it is missed, tells the responsibility chain level by level as lateness grows (DeadlineMissed), and
 * gives each assignment a traffic light for dashboards. Each notice goes out once, whichever replica sends it.
 */
@ApplicationScoped
public class DeadlineWatch {

    /** How an assignment stands against its open deadlines. */
    public enum Light {
        /** No deadline is near. */
        GREEN,
        /** A deadline is within the earliest reminder. */
        YELLOW,
        /** A deadline has passed with the work not done. */
        RED
    }

    /** The levels of the unit's four-level responsibility chain a missed deadline reaches, in order. */
    public enum Level {
        DIVISION_HEAD, DEPUTY_HEAD, BUREAU_HEAD;

        /** The person at this level in the chain the unit's office recorded, or null before it did. */
        String personIn(Assignment a) {
            return switch (this) {
                case DIVISION_HEAD -> a.divisionHeadId;
                case DEPUTY_HEAD -> a.deputyHeadId;
                case BUREAU_HEAD -> a.bureauHeadId;
            };
        }
    }

    /** The clock of a B or C reply's promised measure; its date comes with the reply, not from a time limit. */
    static final String SECOND_REPLY = "second-reply";

    /** One open deadline of an assignment. */
    record Deadline(String clock, LocalDate due) {
    }

    @Inject
    AssignmentRepository assignments;

    @Inject
    ReminderConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    CityClock clock;

    @Inject
    EventPublisher events;

    @Inject
    EntityManager entityManager;

    @Scheduled(every = "${assignment.reminders.every:15m}", delayed = "${assignment.reminders.first-after:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        scan();
    }

    /** Sends the reminders and escalations due today that have not gone out yet; returns how many it sent. */
    @Transactional
    public int scan() {
        LocalDate today = clock.today();
        int sent = 0;
        for (Assignment assignment : assignments.withOpenDeadlines()) {
            for (Deadline deadline : openDeadlines(assignment)) {
                for (Notice notice : noticesDue(assignment, deadline, today)) {
                    if (claim(assignment, deadline, notice.key())) {
                        events.publish(notice.event());
                        sent++;
                    }
                }
            }
        }
        return sent;
    }

    public Light light(Assignment assignment) {
        LocalDate today = clock.today();
        int earliest = config.leadWorkingDays().stream().max(Integer::compare).orElse(0);
        Light light = Light.GREEN;
        for (Deadline deadline : openDeadlines(assignment)) {
            if (today.isAfter(deadline.due())) {
                return Light.RED;
            }
            if (calendar.workingDaysBetween(today, deadline.due()) <= earliest) {
                light = Light.YELLOW;
            }
        }
        return light;
    }

    /**
     * The clocks still running: sign-for until signed; for units that reply, first contact until the first
     * contact is logged, the formal reply until approved, and a B or C reply's promised measure until a later
     * reply reports it done; for co-handling units, the opinion until it reaches the lead unit.
     */
    static List<Deadline> openDeadlines(Assignment a) {
        List<Deadline> open = new ArrayList<>();
        if (a.status == AssignmentStatus.ADJUSTED) {
            return open;
        }
        if (a.status == AssignmentStatus.ASSIGNED) {
            open.add(new Deadline(ClockRules.Clock.SIGN_FOR.key, a.signForDue));
        }
        if (a.handlingType.repliesToProposer()) {
            if (a.firstContactAt == null && a.firstContactDue != null) {
                open.add(new Deadline(ClockRules.Clock.FIRST_CONTACT.key, a.firstContactDue));
            }
            if (a.repliedAt == null) {
                open.add(new Deadline(ClockRules.Clock.FORMAL_REPLY.key, a.replyDue));
            }
            if (a.commitmentDue != null && a.commitmentMetAt == null) {
                open.add(new Deadline(SECOND_REPLY, a.commitmentDue));
            }
        } else if (a.opinionSubmittedAt == null) {
            open.add(new Deadline(ClockRules.Clock.CO_HANDLING_OPINION.key, a.replyDue));
        }
        return open;
    }

    private List<Notice> noticesDue(Assignment a, Deadline d, LocalDate today) {
        List<Notice> notices = new ArrayList<>();
        if (!today.isAfter(d.due())) {
            int left = calendar.workingDaysBetween(today, d.due());
            for (int lead : config.leadWorkingDays()) {
                if (left <= lead) {
                    notices.add(new Notice("APPROACHING_" + lead,
                            new DeadlineReminderSent(a.id, a.proposalId, a.unitId, d.clock(), d.due(), left, a.handlerId)));
                }
            }
            return notices;
        }
        int late = Math.max(1, calendar.workingDaysBetween(d.due(), today));
        for (Level level : Level.values()) {
            boolean reached = switch (level) {
                case DIVISION_HEAD -> true;
                case DEPUTY_HEAD -> late >= config.escalateToDeputyHeadAfter();
                case BUREAU_HEAD -> late >= config.escalateToBureauHeadAfter();
            };
            if (reached) {
                notices.add(new Notice("MISSED_" + level,
                        new DeadlineMissed(a.id, a.proposalId, a.unitId, d.clock(), d.due(), late, level.name(), level.personIn(a))));
            }
        }
        return notices;
    }

    /** A notice and the key it is sent once under: APPROACHING_5, APPROACHING_1, MISSED_DIVISION_HEAD ... */
    private record Notice(String key, IntegrationEvent event) {
    }

    /** Records the notice as sent; false when it was already sent (by this or another replica). */
    private boolean claim(Assignment a, Deadline d, String notice) {
        return entityManager.createNativeQuery("""
                        INSERT INTO deadline_notice (assignment_id, clock, due, notice, sent_at)
                        VALUES (?1, ?2, ?3, ?4, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, a.id)
                .setParameter(2, d.clock())
                .setParameter(3, d.due())
                .setParameter(4, notice)
                .executeUpdate() == 1;
    }
}
