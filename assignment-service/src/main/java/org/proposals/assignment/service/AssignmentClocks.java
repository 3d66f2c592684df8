package org.proposals.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proposals.assignment.config.ClockConfig;
import org.proposals.events.HandlingType;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Due dates of an assignment. Working days here skip weekends only; public holidays and make-up
 * working days of the official calendar are not yet taken into account.
 */
@ApplicationScoped
public class AssignmentClocks {

    @Inject
    ClockConfig config;

    public LocalDate signForDue(LocalDate assignedOn) {
        return plusWorkingDays(assignedOn, config.signForWorkingDays());
    }

    /** The formal reply for units that reply; the opinion to the lead unit for co-handling units. */
    public LocalDate replyDue(LocalDate assignedOn, HandlingType type) {
        return assignedOn.plusMonths(type.repliesToProposer() ? config.replyMonths() : config.coHandlingOpinionMonths());
    }

    static LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return date;
    }
}
