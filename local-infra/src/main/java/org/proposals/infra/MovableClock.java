package org.proposals.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move to the day they need, so that deadlines, lateness and reminders are tested on known
 * dates (across a holiday week, say) without waiting. Install it in place of the service's city clock.
 */
public final class MovableClock extends Clock {

    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing at 09:00 in the city on the given day. */
    public static MovableClock at(LocalDate day) {
        return new MovableClock(new AtomicReference<>(day.atTime(LocalTime.of(9, 0)).atZone(CITY).toInstant()), CITY);
    }

    /** Moves to 09:00 in the city on the given day. */
    public MovableClock moveTo(LocalDate day) {
        now.set(day.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant());
        return this;
    }

    /** Moves the clock on by {@code amount}, for what is measured in minutes and seconds. */
    public MovableClock advance(Duration amount) {
        now.updateAndGet(instant -> instant.plus(amount));
        return this;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
