package io.jeda.gateway.audit;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Entry ids of audited answers: UUIDs of version 7 (RFC 9562), whose first 48 bits are the Unix time
 * in milliseconds and the other 74 random. Two reasons, both on the answer's hot path:
 * <ul>
 *   <li>{@link UUID#randomUUID()} draws from one shared SecureRandom, a lock every request thread of
 *       the gateway queues on under load; these bits come from each thread's own generator;</li>
 *   <li>the unique index on entry_id then grows at its end, like the table's auto-increment key,
 *       instead of taking each row on a random page of an index soon larger than the buffer pool.</li>
 * </ul>
 * An entry id is a name for de-duplicating replays of the spool, not a secret.
 */
public final class EntryIds {

    private EntryIds() {
    }

    /** A new id made at the clock's current millisecond. */
    public static String next(Clock clock) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return of(clock.millis(), r.nextLong(), r.nextLong());
    }

    static String of(long unixMillis, long randA, long randB) {
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (randA & 0x0FFFL);
        long lsb = (randB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
