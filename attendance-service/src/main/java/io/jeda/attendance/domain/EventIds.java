package io.jeda.attendance.domain;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids of attendance events: UUIDs of version 7 (RFC 9562), whose first 48 bits are the Unix time in
 * milliseconds. They still read as ordinary UUIDs, but their text sorts by creation time, so the
 * events table (clustered on its id) grows at its end: a new row lands on the page the previous one
 * did, instead of on a random page of a table that is soon larger than the buffer pool. The other
 * 74 bits are random; an id is a name, not a secret (every read is checked against the caller).
 */
public final class EventIds {

    private EventIds() {
    }

    /** A new id made at the clock's current millisecond. */
    public static String next(Clock clock) {
        return of(clock.millis(), ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
    }

    static String of(long unixMillis, long randA, long randB) {
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (randA & 0x0FFFL);
        long lsb = (randB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
