package org.proposals.assignment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The time limits of an assignment (see the time-limits table of the domain); each one set per deployment. */
@ConfigMapping(prefix = "assignment.clocks")
public interface ClockConfig {

    @WithDefault("5")
    int signForWorkingDays();

    @WithDefault("3")
    int replyMonths();

    @WithDefault("1")
    int coHandlingOpinionMonths();
}
