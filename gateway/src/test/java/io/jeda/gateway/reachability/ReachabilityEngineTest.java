package io.jeda.gateway.reachability;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.jeda.gateway.reachability.InMemoryData.WIB;
import static io.jeda.gateway.reachability.InMemoryData.WIT;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contact_instead search (chains, loops, bounds, order, everyone unavailable), degraded answers
 * in detail, and the engine's contract around the query (default instant, unknown officer).
 */
class ReachabilityEngineTest {

    // A chain of desk officers in Jakarta, each naming the next as backup; none has a manager.
    static final String A = "198001012005011001";
    static final String B = "198102022006021002";
    static final String C = "198203032007031003";
    static final String D = "198304042008041004";
    static final String NIGHT = "198505052010051005";
    static final String UNIT = "layanan-jkt";
    static final Instant AS_OF = Instant.parse("2026-03-04T03:00:00Z");

    private InMemoryData w = new InMemoryData()
            .officer(A, "Ahmad", UNIT, WIB, null)
            .officer(B, "Bambang", UNIT, WIB, null)
            .officer(C, "Citra", UNIT, WIB, null)
            .officer(D, "Dewi", UNIT, WIB, null)
            .officer(NIGHT, "Nurul", UNIT, WIB, null);

    private Reachability ask(String nip, String localTime, Urgency urgency) {
        return ask(nip, localTime, urgency, ReachabilitySettings.defaults());
    }

    private Reachability ask(String nip, String localTime, Urgency urgency, ReachabilitySettings settings) {
        ReachabilityEngine engine = new ReachabilityEngine(w, settings, Clock.fixed(AS_OF, WIB));
        return engine.answer(new ReachabilityQuery(nip, w.at(nip, localTime), urgency, "complaint-desk"));
    }

    @Test
    void chainFindsTheFirstReachableTwoHopsAway() {
        w.backups(A, B).backups(B, C).backups(C, D)
                .leave(A, "03-04", "03-04").leave(B, "03-02", "03-06");

        Reachability r = ask(A, "03-04 10:00", Urgency.ROUTINE);

        Reachability c = r.contactInstead();
        assertNotNull(c, () -> "contact_instead; reasons " + r.reasons());
        assertAll(
                () -> assertEquals(C, c.nip(), "C, the first reachable along A→B→C"),
                () -> assertEquals(ReachabilityState.EXPECTED, c.state()),
                () -> assertTrue(c.reachable()),
                () -> assertEquals(WorkLocation.OFFICE, c.workLocation()),
                () -> assertNull(c.nextReachableAt()),
                () -> assertEquals(w.at(C, "03-05 16:00"), c.respondBy(), "C's own ROUTINE deadline"),
                () -> assertNull(c.contactInstead(), "a contact has no contact of its own"),
                () -> assertEquals(Urgency.ROUTINE, c.urgency()),
                () -> assertEquals(r.at(), c.at()),
                () -> assertFalse(c.degraded()),
                () -> assertTrue(r.reasons().contains("Contact instead Citra (" + C + "), named backup of Bambang ("
                        + B + ")."), () -> "reasons " + r.reasons()));
    }

    @Test
    void depthBoundStopsTheChain() {
        w.backups(A, B).backups(B, C).leave(A, "03-04", "03-04").leave(B, "03-04", "03-04");

        Reachability r = ask(A, "03-04 10:00", Urgency.ROUTINE, ReachabilitySettings.defaults().withSearchDepth(1));

        assertNull(r.contactInstead(), "C is two hops away, beyond a depth of 1");
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("(1 officer checked)")), () -> "reasons " + r.reasons());
    }

    @Test
    void depthZeroTurnsTheSearchOff() {
        w.backups(A, B).leave(A, "03-04", "03-04");

        Reachability r = ask(A, "03-04 10:00", Urgency.ROUTINE, ReachabilitySettings.defaults().withSearchDepth(0));

        assertNull(r.contactInstead());
    }

    @Test
    void loopTerminatesAndSaysNobodyIsReachable() {
        w.backups(A, B).backups(B, A).leave(A, "03-04", "03-04").leave(B, "03-04", "03-04");

        Reachability r = ask(A, "03-04 10:00", Urgency.URGENT,
                ReachabilitySettings.defaults().withSearchDepth(50));

        assertNull(r.contactInstead());
        assertTrue(r.reasons().contains(
                "Nobody along the rosters, backups and manager is reachable for URGENT now (1 officer checked)."),
                () -> "reasons " + r.reasons());
    }

    @Test
    void everyoneUnavailableAtNightForRoutineEvenWithSomeoneOnCall() {
        w.backups(A, B, C).slot(UNIT, "piket", WIB, "03-04 16:00", "03-05 07:30", NIGHT, D);

        Reachability r = ask(A, "03-04 22:00", Urgency.ROUTINE);

        assertAll(
                () -> assertNull(r.contactInstead(), "on call does not open ROUTINE contact"),
                () -> assertFalse(r.reachable()),
                () -> assertTrue(r.reasons().contains("Nobody along the rosters, backups and manager is reachable "
                        + "for ROUTINE now (4 officers checked)."), () -> "reasons " + r.reasons()));
    }

    @Test
    void rosterComesBeforeNamedBackupsAndPrimaryBeforeBackup() {
        w.backups(A, B).slot(UNIT, "piket", WIB, "03-04 16:00", "03-05 07:30", NIGHT, D);

        Reachability r = ask(A, "03-04 22:00", Urgency.URGENT);

        assertEquals(NIGHT, r.contactInstead().nip());
        assertEquals(ReachabilityState.ON_CALL, r.contactInstead().state());
        assertEquals(w.at(NIGHT, "03-05 00:00"), r.contactInstead().respondBy(), "22:00 + 2 h");
        assertTrue(r.reasons().contains("Contact instead Nurul (" + NIGHT + "), on call now as primary of roster piket."),
                () -> "reasons " + r.reasons());
    }

    @Test
    void primaryOnLeaveGivesTheRosterBackup() {
        w.slot(UNIT, "piket", WIB, "03-04 00:00", "03-05 00:00", NIGHT, D).leave(NIGHT, "03-04", "03-04");

        Reachability r = ask(A, "03-04 22:00", Urgency.EMERGENCY);

        assertEquals(D, r.contactInstead().nip());
        assertEquals(w.at(D, "03-04 22:15"), r.contactInstead().respondBy());
    }

    @Test
    void managerIsTheLastResortAndCanBeSwitchedOff() {
        w.officer(A, "Ahmad", UNIT, WIB, B).backups(A, C).leave(A, "03-04", "03-04").leave(C, "03-04", "03-04");

        assertEquals(B, ask(A, "03-04 10:00", Urgency.ROUTINE).contactInstead().nip());
        assertNull(ask(A, "03-04 10:00", Urgency.ROUTINE, ReachabilitySettings.defaults().withContactManager(false))
                .contactInstead());
    }

    @Test
    void candidateUnknownToPolicyServiceIsSkipped() {
        w.backups(A, "199999999999999999", B).leave(A, "03-04", "03-04");

        assertEquals(B, ask(A, "03-04 10:00", Urgency.ROUTINE).contactInstead().nip());
    }

    @Test
    void searchIsBoundedByMaxCandidates() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String nip = String.format("1990010120150110%02d", i);
            w.officer(nip, null, "unit-" + i, WIT, null).leave(nip, "03-04", "03-04");
            many.add(nip);
        }
        w.backups(A, many.toArray(String[]::new)).leave(A, "03-04", "03-04");
        ReachabilitySettings settings = new ReachabilitySettings(ReachabilitySettings.defaults().minRestAfterLateWork(),
                ReachabilitySettings.defaults().urgentRespondWithin(),
                ReachabilitySettings.defaults().emergencyRespondWithin(), 1,
                ReachabilitySettings.defaults().routineRespondFallback(), 14, 3, 10, true, true,
                ReachabilitySettings.defaults().checkInCovers());

        Reachability r = ask(A, "03-04 10:00", Urgency.ROUTINE, settings);

        assertNull(r.contactInstead());
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("(10 officers checked)")), () -> "reasons " + r.reasons());
    }

    @Test
    void attendanceDownInsideHoursIsExpectedAndSaysWhy() {
        w.attendanceDown = true;
        w.checkIn(A, WorkLocation.HOME, "03-04 07:31");

        Reachability r = ask(A, "03-04 10:00", Urgency.ROUTINE);

        assertAll(
                () -> assertEquals(ReachabilityState.EXPECTED, r.state(), "not AVAILABLE: the check-in is not known"),
                () -> assertTrue(r.reachable()),
                () -> assertEquals(WorkLocation.OFFICE, r.workLocation(), "from the schedule"),
                () -> assertTrue(r.degraded()),
                () -> assertEquals(List.of(Sources.ATTENDANCE), r.degradedSources()),
                () -> assertTrue(r.reasons().contains("Attendance could not be read from attendance-service: the "
                        + "answer rests on the schedule alone."), () -> "reasons " + r.reasons()));
    }

    @Test
    void scheduleDownIsUnknownAndNamesPolicyService() {
        w.schedulesDown = true;

        Reachability r = ask(A, "03-04 10:00", Urgency.ROUTINE);

        assertAll(
                () -> assertEquals(ReachabilityState.UNKNOWN, r.state()),
                () -> assertFalse(r.reachable()),
                () -> assertNull(r.workLocation()),
                () -> assertNull(r.nextReachableAt()),
                () -> assertEquals(w.at(A, "03-07 10:00"), r.respondBy(), "T + the 3-day fallback"),
                () -> assertEquals(List.of(Sources.POLICY), r.degradedSources()),
                () -> assertTrue(r.reasons().contains("Reachability is unknown: the schedule could not be read from "
                        + "policy-service."), () -> "reasons " + r.reasons()));
    }

    @Test
    void bothSourcesDownNamesBoth() {
        w.policyDown = true;
        w.attendanceDown = true;
        w.schedulesDownAfter = LocalDate.of(2026, 3, 1);

        Reachability r = ask(A, "03-04 10:00", Urgency.URGENT);

        assertEquals(ReachabilityState.UNKNOWN, r.state());
        assertEquals(List.of(Sources.POLICY), r.degradedSources(), "attendance is not even asked without a schedule");

        w.policyDown = false;
        w.schedulesDownAfter = null;
        Reachability later = ask(A, "03-04 22:00", Urgency.URGENT);
        assertEquals(List.of(Sources.ATTENDANCE), later.degradedSources());
    }

    @Test
    void yesterdayUnavailableStillAnswersButSaysSo() {
        ReachabilityData partial = new ForwardingData(w) {
            @Override
            public Sourced<DaySchedule> schedule(String nip, LocalDate date) {
                return date.equals(LocalDate.of(2026, 3, 3)) ? Sourced.unavailable(Sources.POLICY)
                        : super.schedule(nip, date);
            }
        };
        ReachabilityEngine engine = new ReachabilityEngine(partial, ReachabilitySettings.defaults(),
                Clock.fixed(AS_OF, WIB));

        Reachability r = engine.answer(new ReachabilityQuery(A, w.at(A, "03-04 10:00"), Urgency.ROUTINE, "x"));

        assertTrue(r.reachable());
        assertEquals(List.of(Sources.POLICY), r.degradedSources());
    }

    @Test
    void missingInstantMeansNowOnTheEnginesClock() {
        Instant now = w.at(A, "03-04 10:00");
        ReachabilityEngine engine = new ReachabilityEngine(w, ReachabilitySettings.defaults(), Clock.fixed(now, WIB));

        Reachability r = engine.answer(new ReachabilityQuery(A, null, Urgency.ROUTINE, "x"));

        assertEquals(now, r.at());
        assertEquals(now, r.asOf());
        assertTrue(r.reachable());
    }

    @Test
    void unknownOfficerIsNotFound() {
        ReachabilityEngine engine = new ReachabilityEngine(w, ReachabilitySettings.defaults(), Clock.fixed(AS_OF, WIB));

        JedaException e = assertThrows(JedaException.class, () -> engine.answer(
                new ReachabilityQuery("199999999999999999", null, Urgency.ROUTINE, "x")));

        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertEquals("OFFICER_NOT_FOUND", e.reason());
    }

    @Test
    void reachableAnswerDoesNotLookAheadForUrgentOrEmergency() {
        w.checkIn(A, WorkLocation.OFFICE, "03-04 07:40");
        ask(A, "03-04 10:00", Urgency.EMERGENCY);
        assertEquals(2, w.scheduleReads, "today and yesterday only");
    }

    @Test
    void anOpenCheckInTellsOnlyAboutTheHoursAfterIt() {
        w.checkIn(A, WorkLocation.HOME, "03-04 07:40");

        Reachability sameMorning = ask(A, "03-04 10:00", Urgency.ROUTINE);
        assertEquals(ReachabilityState.AVAILABLE, sameMorning.state(), () -> "reasons " + sameMorning.reasons());
        assertEquals(WorkLocation.HOME, sameMorning.workLocation());

        // The next morning: today's check-in says nothing of it; the schedule does (office, not yet in).
        Reachability nextMorning = ask(A, "03-05 10:00", Urgency.ROUTINE);
        assertEquals(ReachabilityState.EXPECTED, nextMorning.state(), () -> "reasons " + nextMorning.reasons());
        assertEquals(WorkLocation.OFFICE, nextMorning.workLocation());
        assertTrue(nextMorning.reasons().stream().noneMatch(x -> x.contains("07:40")),
                () -> "others are not told when the officer checked in: " + nextMorning.reasons());
        // The officer's own view says why.
        Reachability own = new ReachabilityEngine(w, ReachabilitySettings.defaults(), Clock.fixed(AS_OF, WIB))
                .answer(new ReachabilityQuery(A, w.at(A, "03-05 10:00"), Urgency.ROUTINE, A, true));
        assertTrue(own.reasons().stream().anyMatch(x -> x.startsWith("Checked in since Wed 4 Mar 07:40")),
                () -> "reasons " + own.reasons());

        // Before the check-in the officer was not yet at work.
        Reachability before = ask(A, "03-04 07:35", Urgency.EMERGENCY);
        assertEquals(ReachabilityState.EXPECTED, before.state(), () -> "reasons " + before.reasons());
    }

    /** Delegates everything, so a test can bend one call. */
    static class ForwardingData implements ReachabilityData {
        private final ReachabilityData d;

        ForwardingData(ReachabilityData d) {
            this.d = d;
        }

        @Override
        public Sourced<OfficerProfile> officer(String nip) {
            return d.officer(nip);
        }

        @Override
        public Sourced<DaySchedule> schedule(String nip, LocalDate date) {
            return d.schedule(nip, date);
        }

        @Override
        public Sourced<AttendanceNow> attendance(String nip) {
            return d.attendance(nip);
        }

        @Override
        public Sourced<List<OnCallSlot>> onCallSlots(String unitId, Instant at) {
            return d.onCallSlots(unitId, at);
        }

        @Override
        public Sourced<List<String>> namedBackups(String nip) {
            return d.namedBackups(nip);
        }
    }
}
