package io.jeda.attendance.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventIdsTest {

    @Test
    void idsAreVersion7UuidsCarryingTheirMillisecond() {
        Instant at = Instant.parse("2026-11-28T01:30:00.123Z");
        UUID id = UUID.fromString(EventIds.next(Clock.fixed(at, ZoneOffset.UTC)));
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsText() {
        List<String> made = new ArrayList<>();
        Instant t = Instant.parse("2026-11-28T00:00:00Z");
        for (int i = 0; i < 2000; i++) {
            // steps of one millisecond up to about a day, across digit carries of the hex text
            made.add(EventIds.next(Clock.fixed(t.plusMillis((long) i * i * 21), ZoneOffset.UTC)));
        }
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(String::compareTo);
        assertEquals(made, sorted);
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(EventIds.next(frozen)));
        }
    }

    @Test
    void theFixedBitsDoNotDependOnTheRandomOnes() {
        UUID allOnes = UUID.fromString(EventIds.of(1L, -1L, -1L));
        UUID allZeros = UUID.fromString(EventIds.of(1L, 0L, 0L));
        assertEquals(7, allOnes.version());
        assertEquals(7, allZeros.version());
        assertEquals(2, allOnes.variant());
        assertEquals(2, allZeros.variant());
        assertEquals(1L, allOnes.getMostSignificantBits() >>> 16);
    }
}
