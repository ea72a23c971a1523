package io.jeda.policy.domain.roster;

import io.jeda.policy.domain.PolicySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weekly on-call cap, counted in the unit's own week (Monday to Monday local time). */
class RosterCapTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final ZoneId WIT = ZoneId.of("Asia/Jayapura");
    /** Monday 5 January 2026 00:00 WIB. */
    static final Instant MONDAY_WIB = Instant.parse("2026-01-04T17:00:00Z");
    static final int CAP = PolicySettings.defaults().rosterMaxHoursPerWeek();

    static RosterMember member(int seq, String nip) {
        return new RosterMember(null, "desk", seq, nip, null);
    }

    static RosterRotation fourMembers(List<RosterOverride> overrides) {
        return new RosterRotation("desk", MONDAY_WIB, 12,
                List.of(member(0, "A"), member(1, "B"), member(2, "C"), member(3, "D")), overrides);
    }

    static RosterOverride override(String nip, Instant from, Instant to) {
        return new RosterOverride("o", "desk", nip, from, to, "", Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aFairRotationFitsTheDefaultCap() {
        // 12-hour turns among four: at most four turns (48 h) each in a week.
        assertTrue(RosterCap.check(fourMembers(List.of()), WIB, CAP, MONDAY_WIB, MONDAY_WIB.plus(Duration.ofDays(28)))
                .isEmpty());
    }

    @Test
    void aSingleMemberRoundTheClockRosterIsOverTheCapInItsFirstWeek() {
        Instant start = Instant.parse("2026-01-05T00:00:00Z"); // Monday 07:00 WIB
        RosterRotation r = new RosterRotation("desk", start, 24, List.of(member(0, "A")), List.of());
        RosterCap.Excess e = RosterCap.check(r, WIB, CAP, start, start.plus(Duration.ofDays(28))).orElseThrow();
        assertEquals("A", e.officerNip());
        assertEquals(LocalDate.of(2026, 1, 5), e.week());
        // From Monday 07:00 to the next Monday 00:00 WIB.
        assertEquals("161", e.hoursText());
        assertEquals(CAP, e.capHours());
    }

    @ParameterizedTest(name = "A takes {0} h of B''s first turn: excess {1}")
    @CsvSource({
            "8,   -",     // 48 + 8 = 56: at the cap is allowed
            "8.5, 56.5",
            "9,   57",
            "12,  60",
    })
    void anOverrideCanPushAnOfficerOverTheCap(double hours, String expected) {
        // A has turns 0, 4, 8 and 12 of the first week: 48 hours.
        Instant from = MONDAY_WIB.plus(Duration.ofHours(12));
        Instant to = from.plus(Duration.ofMinutes(Math.round(hours * 60)));
        RosterRotation r = fourMembers(List.of(override("A", from, to)));
        Optional<RosterCap.Excess> e = RosterCap.check(r, WIB, CAP, from, from.plus(Duration.ofDays(28)));
        if (expected.equals("-")) {
            assertTrue(e.isEmpty(), () -> "unexpected " + e);
        } else {
            assertEquals("A", e.orElseThrow().officerNip());
            assertEquals(expected, e.get().hoursText());
            assertEquals(LocalDate.of(2026, 1, 5), e.get().week());
        }
    }

    @Test
    void anOverrideOutsideTheHorizonIsStillChecked() {
        // The change starts far later, but existing overrides' weeks are always counted.
        Instant far = MONDAY_WIB.plus(Duration.ofDays(70));
        RosterRotation r = fourMembers(List.of(override("A", far.plus(Duration.ofHours(12)), far.plus(Duration.ofHours(24)))));
        RosterCap.Excess e = RosterCap.check(r, WIB, CAP, MONDAY_WIB, MONDAY_WIB.plus(Duration.ofDays(28))).orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 16), e.week());
    }

    @ParameterizedTest(name = "start {0}, weeks in {1}: over the cap {2}")
    @CsvSource({
            // Monday 00:00 WIT: a whole WIT week, but split 2 h + 166 h over two WIB weeks.
            "2026-01-04T15:00:00Z, Asia/Jayapura, true",
            "2026-01-04T15:00:00Z, Asia/Jakarta,  false",
            // Monday 00:00 WIB: the other way round.
            "2026-01-04T17:00:00Z, Asia/Jakarta,  true",
            "2026-01-04T17:00:00Z, Asia/Jayapura, false",
    })
    void weeksFollowTheUnitTimeZone(String start, String zone, boolean over) {
        Instant s = Instant.parse(start);
        RosterRotation r = new RosterRotation("desk", s, 168, List.of(member(0, "A"), member(1, "B")), List.of());
        // A cap of 167 hours: only a week-long turn inside one local week exceeds it.
        Optional<RosterCap.Excess> e = RosterCap.check(r, ZoneId.of(zone), 167, s, s.plus(Duration.ofDays(28)));
        assertEquals(over, e.isPresent(), () -> String.valueOf(e));
        e.ifPresent(x -> assertEquals("168", x.hoursText()));
    }

    @ParameterizedTest(name = "{0} is in the week of {2} in {1}")
    @CsvSource({
            "2026-01-04T16:00:00Z, Asia/Jayapura, 2026-01-05",
            "2026-01-04T16:00:00Z, Asia/Jakarta,  2025-12-29",
            "2026-01-04T17:00:00Z, Asia/Jakarta,  2026-01-05",
            "2026-01-04T16:59:59.999Z, Asia/Jakarta, 2025-12-29",
            "2026-01-11T15:59:59Z, Asia/Makassar, 2026-01-05",
            "2026-01-11T16:00:00Z, Asia/Makassar, 2026-01-12",
    })
    void weekOf(String instant, String zone, String monday) {
        assertEquals(LocalDate.parse(monday), RosterCap.weekOf(Instant.parse(instant), ZoneId.of(zone)));
    }

    @Test
    void primaryHoursCountOnlyThePrimaryInsideTheWeek() {
        List<OnCallSlot> slots = List.of(
                new OnCallSlot("desk", MONDAY_WIB.minus(Duration.ofHours(2)), MONDAY_WIB.plus(Duration.ofHours(3)), "A", "B", false),
                new OnCallSlot("desk", MONDAY_WIB.plus(Duration.ofHours(3)), MONDAY_WIB.plus(Duration.ofHours(5)), "B", "A", false));
        var hours = RosterCap.primaryHours(slots, MONDAY_WIB, MONDAY_WIB.plus(Duration.ofDays(7)));
        assertEquals(Duration.ofHours(3), hours.get("A"));
        assertEquals(Duration.ofHours(2), hours.get("B"));
    }
}
