package org.oasm.formats.provenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves on by a fixed step each time it is read, for deterministic records. */
final class StepClock extends Clock {

    private Instant next;
    private final Duration step;

    StepClock(String start, Duration step) {
        this.next = Instant.parse(start);
        this.step = step;
    }

    @Override
    public synchronized Instant instant() {
        Instant now = next;
        next = next.plus(step);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
