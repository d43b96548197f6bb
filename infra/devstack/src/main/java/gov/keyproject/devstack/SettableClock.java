package gov.keyproject.devstack;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, so a service's "today" can walk through a whole year. Register it as the service's
 * {@link Clock} bean; the platform's own clock steps aside.
 */
public final class SettableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Instant> now;

    public SettableClock(LocalDate day, ZoneId zone) {
        this.zone = zone;
        this.now = new AtomicReference<>(day.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant());
    }

    /** Moves to 09:00 of {@code day} in the clock's zone. */
    public void setDay(LocalDate day) {
        now.set(day.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now.get(), zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SettableClock other = new SettableClock(today(), zone);
        other.now.set(now.get());
        return other;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
