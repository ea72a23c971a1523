package io.jeda.gateway.audit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryIdsTest {

    @Test
    void idsAreVersion7UuidsThatSortByTheTimeTheyWereMade() {
        Instant t = Instant.parse("2026-12-03T07:00:00Z");
        String earlier = EntryIds.next(Clock.fixed(t, ZoneOffset.UTC));
        String later = EntryIds.next(Clock.fixed(t.plusMillis(1), ZoneOffset.UTC));
        UUID u = UUID.fromString(earlier);
        assertEquals(7, u.version());
        assertEquals(2, u.variant());
        assertEquals(t.toEpochMilli(), u.getMostSignificantBits() >>> 16);
        // The unique index on entry_id then fills at its end, as rows are appended.
        assertTrue(earlier.compareTo(later) < 0, earlier + " should sort before " + later);
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T07:00:00Z"), ZoneOffset.UTC);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(EntryIds.next(clock));
        }
        assertEquals(10_000, ids.size());
    }
}
