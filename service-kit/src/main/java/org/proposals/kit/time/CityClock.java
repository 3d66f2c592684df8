package org.proposals.kit.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The city's clock. Dates that rules depend on (a proposal's year, plenary or recess, deadlines) are the
 * city's dates, whatever zone the servers run in: a proposal put forward at 00:30 local time belongs to
 * that day. The zone is {@code city.time-zone} (default Asia/Shanghai).
 */
@ApplicationScoped
public class CityClock {

    private final Clock clock;

    @Inject
    public CityClock(@ConfigProperty(name = "city.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this(Clock.system(zone));
    }

    /** The city's clock read from another time source, e.g. one a test moves to the day it needs. */
    public CityClock(Clock clock) {
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /**
     * Now, to the microsecond, as PostgreSQL keeps it: an event and the row it reports show the same instant, and
     * a value read back equals the one written.
     */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
