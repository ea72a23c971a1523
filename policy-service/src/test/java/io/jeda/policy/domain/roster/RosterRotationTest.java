package io.jeda.policy.domain.roster;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rotation rules: turns, wrap-around, backups, overrides and swaps, on exact instants. */
class RosterRotationTest {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    static Instant at(double hours) {
        return START.plus(Duration.ofMillis(Math.round(hours * 3_600_000)));
    }

    static RosterMember member(int seq, String nip, String backup) {
        return new RosterMember(null, "desk", seq, nip, backup);
    }

    static RosterMember member(int seq, String nip) {
        return member(seq, nip, null);
    }

    static int created = 0;

    static RosterOverride override(String nip, double fromHours, double toHours) {
        // Each override is created after the previous one, as in real use.
        created++;
        return new RosterOverride("o" + created, "desk", nip, at(fromHours), at(toHours), "test",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(created));
    }

    static RosterRotation abc(RosterOverride... overrides) {
        return new RosterRotation("desk", START, 8, List.of(member(0, "A"), member(1, "B"), member(2, "C")),
                List.of(overrides));
    }

    /** "A/B [0-8)" compact form of a slot for readable assertions. */
    static String show(OnCallSlot s) {
        double from = Duration.between(START, s.start()).toMinutes() / 60.0;
        double to = Duration.between(START, s.end()).toMinutes() / 60.0;
        return s.primaryNip() + "/" + (s.backupNip() == null ? "-" : s.backupNip()) + " " + fmt(from) + "-" + fmt(to)
                + (s.overridden() ? " overridden" : "");
    }

    static String fmt(double h) {
        return h == Math.rint(h) ? String.valueOf((long) h) : String.valueOf(h);
    }

    static List<String> show(List<OnCallSlot> slots) {
        List<String> out = new ArrayList<>();
        slots.forEach(s -> out.add(show(s)));
        return out;
    }

    @ParameterizedTest(name = "at start+{0}h: {1}")
    @CsvSource({
            "0,       A/B 0-8",
            "7.99,    A/B 0-8",
            "8,       B/C 8-16",
            "16,      C/A 16-24",
            "23.999,  C/A 16-24",
            "24,      A/B 24-32",
            "2400,    A/B 2400-2408",
            "2408,    B/C 2408-2416",
    })
    void turnBoundariesAndWrapAround(double hours, String expected) {
        Optional<OnCallSlot> slot = abc().slotAt(at(hours));
        assertTrue(slot.isPresent());
        assertEquals(expected, show(slot.get()));
    }

    @Test
    void theBoundaryInstantBelongsToTheNextTurnToTheNanosecond() {
        RosterRotation r = abc();
        Instant boundary = at(8);
        assertEquals("A", r.slotAt(boundary.minusNanos(1)).orElseThrow().primaryNip());
        assertEquals("B", r.slotAt(boundary).orElseThrow().primaryNip());
    }

    @Test
    void noSlotBeforeTheStart() {
        assertTrue(abc().slotAt(START.minusNanos(1)).isEmpty());
        assertTrue(abc().slots(START.minusSeconds(3600), START).isEmpty());
        assertEquals(List.of("A/B 0-8"), show(abc().slots(START.minusSeconds(3600), START.plusSeconds(1))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "named backups win over the next member | 0 | A/X 0-8",
            "a member without a named backup has the next one | 8 | B/C 8-16",
            "wrap-around to the first member | 16 | C/A 16-24",
    })
    void namedBackups(String why, double hours, String expected) {
        RosterRotation r = new RosterRotation("desk", START, 8,
                List.of(member(0, "A", "X"), member(1, "B"), member(2, "C")), List.of());
        assertEquals(expected, show(r.slotAt(at(hours)).orElseThrow()));
    }

    @ParameterizedTest(name = "single member, named backup {0}")
    @CsvSource({"'', -", "X, X"})
    void singleMember(String backup, String expected) {
        RosterRotation r = new RosterRotation("desk", START, 24,
                List.of(member(0, "A", backup.isEmpty() ? null : backup)), List.of());
        List<OnCallSlot> slots = r.slots(START, at(48));
        // Consecutive turns of the same officer stay separate slots, one per turn.
        assertEquals(List.of("A/" + expected + " 0-24", "A/" + expected + " 24-48"), show(slots));
    }

    @Test
    void membersAreTakenInSeqOrderWhateverTheListOrder() {
        RosterRotation r = new RosterRotation("desk", START, 8, List.of(member(2, "C"), member(0, "A"), member(1, "B")),
                List.of());
        assertEquals(List.of("A/B 0-8", "B/C 8-16", "C/A 16-24"), show(r.slots(START, at(24))));
    }

    @Test
    void anOverrideSplitsASlotIntoThree() {
        RosterRotation r = abc(override("D", 2, 5));
        assertEquals(List.of("A/B 0-2", "D/B 2-5 overridden", "A/B 5-8", "B/C 8-16"), show(r.slots(START, at(9))));
    }

    @Test
    void aSlotIsReportedWholeWhenTheAskedPeriodCutsIt() {
        RosterRotation r = abc(override("D", 2, 5));
        assertEquals(List.of("D/B 2-5 overridden"), show(r.slots(at(3), at(4))));
        assertEquals(List.of("A/B 5-8", "B/C 8-16"), show(r.slots(at(6), at(9))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // The older override is partly hidden by the newer one.
            "newer wins over older | D,1,6;E,4,7 | A/B 0-1,D/B 1-4 overridden,E/B 4-7 overridden,A/B 7-8",
            // The newer override lies inside the older, splitting it.
            "newer inside older    | D,1,7;E,3,4 | A/B 0-1,D/B 1-3 overridden,E/B 3-4 overridden,D/B 4-7 overridden,A/B 7-8",
            // The older override is entirely hidden.
            "newer covers older    | E,3,4;D,1,7 | A/B 0-1,D/B 1-7 overridden,A/B 7-8",
    })
    void overlappingOverrides(String why, String overrides, String expected) {
        List<RosterOverride> list = new ArrayList<>();
        for (String o : overrides.split(";")) {
            String[] p = o.split(",");
            list.add(override(p[0], Double.parseDouble(p[1]), Double.parseDouble(p[2])));
        }
        RosterRotation r = abc(list.toArray(RosterOverride[]::new));
        assertEquals(List.of(expected.split(",")), show(r.slots(START, at(8))));
    }

    @Test
    void theListOrderOfOverridesDoesNotMatterOnlyTheirCreation() {
        RosterOverride older = override("D", 1, 6);
        RosterOverride newer = override("E", 4, 7);
        RosterRotation r = new RosterRotation("desk", START, 8, List.of(member(0, "A"), member(1, "B"), member(2, "C")),
                List.of(newer, older));
        assertEquals("E", r.slotAt(at(5)).orElseThrow().primaryNip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // An outsider keeps the turn's own backup.
            "outsider keeps the turn's backup | D | 0 | D/B",
            // The next member takes over A's turn: the turn's backup is B themself, so the member after B.
            "the backup takes the turn        | B | 0 | B/C",
            // C's named backup (not a member) takes C's turn: the member after C backs them up.
            "a named backup takes the turn    | Y | 16 | Y/A",
            // A member with a named backup brings that backup along.
            "a member brings their backup     | C | 0 | C/Y",
    })
    void backupDuringAnOverride(String why, String officer, double turnStart, String expected) {
        RosterRotation r = new RosterRotation("desk", START, 8,
                List.of(member(0, "A"), member(1, "B"), member(2, "C", "Y")),
                List.of(override(officer, turnStart, turnStart + 8)));
        OnCallSlot s = r.slotAt(at(turnStart + 1)).orElseThrow();
        assertEquals(expected, s.primaryNip() + "/" + s.backupNip());
        assertTrue(s.overridden());
    }

    @Test
    void anOverrideAcrossATurnBoundaryIsOneSlotWhenThePeopleStayTheSame() {
        RosterRotation r = new RosterRotation("desk", START, 8,
                List.of(member(0, "A"), member(1, "B"), member(2, "C", "Y")), List.of(override("C", 4, 12)));
        assertEquals(List.of("A/B 0-4", "C/Y 4-12 overridden", "B/C 12-16"), show(r.slots(START, at(16))));
    }

    @Test
    void anOverrideAcrossATurnBoundarySplitsWhereTheBackupChanges() {
        RosterRotation r = abc(override("D", 4, 12));
        assertEquals(List.of("A/B 0-4", "D/B 4-8 overridden", "D/C 8-12 overridden", "B/C 12-16"),
                show(r.slots(START, at(16))));
    }

    @Test
    void anOverrideBeforeTheStartCountsOnlyFromTheStart() {
        RosterRotation r = abc(override("D", -4, 2));
        assertEquals(List.of("D/B 0-2 overridden", "A/B 2-8"), show(r.slots(at(-10), at(8))));
    }

    @Test
    void swapExchangesTheTwoPrimaries() {
        RosterRotation base = abc();
        List<RosterOverride> swap = base.swap(at(1), at(20), "tukar jadwal", Instant.parse("2026-01-02T00:00:00Z"));
        assertEquals(2, swap.size());
        RosterRotation swapped = abc(swap.toArray(RosterOverride[]::new));
        // A's turn goes to C (who brings the turn's backup B); C's turn goes to A, whose backup was A: next after A.
        assertEquals(List.of("C/B 0-8 overridden", "B/C 8-16", "A/B 16-24 overridden", "A/B 24-32"),
                show(swapped.slots(START, at(32))));
    }

    @Test
    void swapOfNeighboursGivesEachTheNextMemberAsBackup() {
        RosterRotation swapped = abc(abc().swap(at(0), at(8), "", Instant.parse("2026-01-02T00:00:00Z"))
                .toArray(RosterOverride[]::new));
        assertEquals(List.of("B/C 0-8 overridden", "A/C 8-16 overridden"), show(swapped.slots(START, at(16))));
    }

    @ParameterizedTest(name = "swap at {0}h and {1}h is refused with {2}")
    @CsvSource({
            "1,   5,  SAME_PRIMARY",
            "1,   25, SAME_PRIMARY",
            "-1,  9,  NO_SLOT_AT_TIME",
            "9,   -1, NO_SLOT_AT_TIME",
    })
    void swapRefusals(double first, double second, String reason) {
        JedaException e = assertThrows(JedaException.class,
                () -> abc().swap(at(first), at(second), "", Instant.parse("2026-01-02T00:00:00Z")));
        assertEquals(reason, e.reason());
        assertEquals(reason.equals("SAME_PRIMARY") ? ErrorKind.FAILED_PRECONDITION : ErrorKind.INVALID_ARGUMENT, e.kind());
    }

    @Test
    void slotsFromGivesTheCurrentSlotThenTheNextOnes() {
        RosterRotation r = abc(override("D", 10, 12));
        assertEquals(List.of("B/C 8-10", "D/C 10-12 overridden", "B/C 12-16", "C/A 16-24"),
                show(r.slotsFrom(at(9), 4)));
        assertEquals(List.of("A/B 0-8"), show(r.slotsFrom(START.minusSeconds(99), 1)));
        assertFalse(r.slotsFrom(at(9), 1).get(0).overridden());
    }
}
