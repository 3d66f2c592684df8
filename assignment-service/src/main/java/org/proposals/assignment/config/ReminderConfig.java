package org.proposals.assignment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** When the office is reminded of a deadline and how far up the responsibility chain a missed one goes. */
@ConfigMapping(prefix = "assignment.reminders")
public interface ReminderConfig {

    /** How often the clocks are checked: a duration such as {@code 15m}, or {@code off}; read by the scheduler. */
    @WithDefault("15m")
    String every();

    /** How long after start the first check runs. */
    @WithDefault("30s")
    String firstAfter();

    /**
     * Working days before a deadline on which a reminder goes out (督促提醒), e.g. 3 and 1; the largest also
     * turns the traffic light yellow.
     */
    @WithDefault("3,1")
    List<Integer> leadWorkingDays();

    /** Working days late after which a missed deadline goes to the deputy head in charge. */
    @WithDefault("5")
    int escalateToDeputyHeadAfter();

    /** Working days late after which a missed deadline goes to the bureau head. */
    @WithDefault("10")
    int escalateToBureauHeadAfter();
}
