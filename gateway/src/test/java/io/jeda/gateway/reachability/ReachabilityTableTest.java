package io.jeda.gateway.reachability;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.jeda.gateway.reachability.InMemoryData.WIB;
import static io.jeda.gateway.reachability.InMemoryData.WIT;
import static io.jeda.gateway.reachability.InMemoryData.WITA;
import static io.jeda.gateway.reachability.ReachabilityState.AVAILABLE;
import static io.jeda.gateway.reachability.ReachabilityState.EXPECTED;
import static io.jeda.gateway.reachability.ReachabilityState.HOLIDAY;
import static io.jeda.gateway.reachability.ReachabilityState.OFF_DUTY;
import static io.jeda.gateway.reachability.ReachabilityState.ON_CALL;
import static io.jeda.gateway.reachability.ReachabilityState.ON_LEAVE;
import static io.jeda.gateway.reachability.ReachabilityState.UNKNOWN;
import static io.jeda.gateway.reachability.Urgency.EMERGENCY;
import static io.jeda.gateway.reachability.Urgency.ROUTINE;
import static io.jeda.gateway.reachability.Urgency.URGENT;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The reachability rules as a table: state × urgency × time of day × time zone × leave, holiday,
 * on-call, rest and late work, each case asserting the whole answer. The week is Monday 2 March 2026
 * to Sunday 8 March; default hours are 07:30–16:00 (Friday 16:30), core 09:00–15:00, at the office.
 * Times in a case are local to the officer asked about, unless they end in Z (UTC).
 */
class ReachabilityTableTest {

    static final String ANI = "198703152010012001";   // WIB, unit Jakarta desk, manager Budi
    static final String BUDI = "197901022005011003";  // WIB, Ani's manager
    static final String DODI = "199002282015031002";  // WIB, same unit, takes on-call turns
    static final String MIRA = "198811112012122001";  // WITA
    static final String PAUL = "198205052009041001";  // WIT
    static final String JKT = "pengaduan-jkt";
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    static InMemoryData world() {
        return new InMemoryData()
                .officer(ANI, "Ani", JKT, WIB, BUDI)
                .officer(BUDI, "Budi", JKT, WIB, null)
                .officer(DODI, "Dodi", JKT, WIB, null)
                .officer(MIRA, "Mira", "pengaduan-mks", WITA, null)
                .officer(PAUL, "Paulus", "pengaduan-jpr", WIT, null);
    }

    /** One row of the table, built fluently; its name is the display name of the test. */
    static final class Case {
        final String name;
        final String nip;
        final String at;
        final Urgency urgency;
        Consumer<InMemoryData> given = w -> { };
        ReachabilitySettings settings = ReachabilitySettings.defaults();
        ReachabilityState state;
        boolean reachable;
        WorkLocation location;
        String next;
        String respondBy;
        String contact;
        List<String> degraded = List.of();

        Case(String name, String nip, String at, Urgency urgency) {
            this.name = name;
            this.nip = nip;
            this.at = at;
            this.urgency = urgency;
        }

        Case given(Consumer<InMemoryData> g) {
            given = g;
            return this;
        }

        Case settings(ReachabilitySettings s) {
            settings = s;
            return this;
        }

        /** The whole answer for the officer; next and respondBy local to their zone, null for none. */
        Case expect(ReachabilityState state, boolean reachable, WorkLocation location, String next, String respondBy) {
            this.state = state;
            this.reachable = reachable;
            this.location = location;
            this.next = next;
            this.respondBy = respondBy;
            return this;
        }

        Case contact(String nip) {
            contact = nip;
            return this;
        }

        Case degraded(String... sources) {
            degraded = List.of(sources);
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Case when(String name, String nip, String at, Urgency urgency) {
        return new Case(name, nip, at, urgency);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // ---- ROUTINE inside and around working hours (WIB)
                when("routine, Monday 10:00, checked in at the office", ANI, "03-02 10:00", ROUTINE)
                        .given(w -> w.checkIn(ANI, WorkLocation.OFFICE, "03-02 07:40"))
                        .expect(AVAILABLE, true, WorkLocation.OFFICE, null, "03-03 16:00"),
                when("routine, Monday 10:00, not checked in yet", ANI, "03-02 10:00", ROUTINE)
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-03 16:00"),
                when("routine, home day, checked in from home", ANI, "03-02 10:00", ROUTINE)
                        .given(w -> w.place(ANI, "03-02", WorkPlace.HOME, ScheduleReason.PLAN)
                                .checkIn(ANI, WorkLocation.HOME, "03-02 07:35"))
                        .expect(AVAILABLE, true, WorkLocation.HOME, null, "03-03 16:00"),
                when("routine, home day, not checked in: location from the plan", ANI, "03-02 10:00", ROUTINE)
                        .given(w -> w.place(ANI, "03-02", WorkPlace.HOME, ScheduleReason.PLAN))
                        .expect(EXPECTED, true, WorkLocation.HOME, null, "03-03 16:00"),
                when("routine, official travel: location OTHER", ANI, "03-02 10:00", ROUTINE)
                        .given(w -> w.place(ANI, "03-02", WorkPlace.OTHER, ScheduleReason.OFFICIAL_TRAVEL))
                        .expect(EXPECTED, true, WorkLocation.OTHER, null, "03-03 16:00"),
                when("routine, another office of the agency counts as OFFICE", ANI, "03-02 10:00", ROUTINE)
                        .given(w -> w.place(ANI, "03-02", WorkPlace.OTHER_OFFICE, ScheduleReason.EXCEPTION))
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-03 16:00"),
                when("routine, 07:30 sharp: the window has opened", ANI, "03-02 07:30", ROUTINE)
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-03 16:00"),
                when("routine, 07:00 before the window: wait until 07:30", ANI, "03-02 07:00", ROUTINE)
                        .expect(OFF_DUTY, false, null, "03-02 07:30", "03-02 16:00"),
                when("routine, 16:00 sharp: the window has closed", ANI, "03-02 16:00", ROUTINE)
                        .expect(OFF_DUTY, false, null, "03-03 07:30", "03-03 16:00"),
                when("routine, Monday 22:00: waits for Tuesday morning", ANI, "03-02 22:00", ROUTINE)
                        .expect(OFF_DUTY, false, null, "03-03 07:30", "03-03 16:00"),
                when("routine, Friday 16:15: Friday's window runs to 16:30", ANI, "03-06 16:15", ROUTINE)
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-09 16:00"),
                when("routine, Friday 20:00: waits for Monday", ANI, "03-06 20:00", ROUTINE)
                        .expect(OFF_DUTY, false, null, "03-09 07:30", "03-09 16:00"),
                when("routine, Saturday 10:00: weekend", ANI, "03-07 10:00", ROUTINE)
                        .expect(OFF_DUTY, false, null, "03-09 07:30", "03-09 16:00"),
                when("routine, checked in at 18:00 (overtime) opens nothing", ANI, "03-02 18:00", ROUTINE)
                        .given(w -> w.checkIn(ANI, WorkLocation.OFFICE, "03-02 17:55"))
                        .expect(OFF_DUTY, false, WorkLocation.OFFICE, "03-03 07:30", "03-03 16:00"),
                when("routine, on call at 03:00 is still not ROUTINE time", ANI, "03-02 03:00", ROUTINE)
                        .given(w -> w.slot(JKT, "piket", WIB, "03-01 16:00", "03-02 07:30", ANI, DODI))
                        .expect(ON_CALL, false, null, "03-02 07:30", "03-02 16:00"),
                when("routine, on a day slot inside working hours: AVAILABLE wins", ANI, "03-02 14:00", ROUTINE)
                        .given(w -> w.slot(JKT, "piket", WIB, "03-02 07:30", "03-02 16:00", ANI, DODI)
                                .checkIn(ANI, WorkLocation.OFFICE, "03-02 07:31"))
                        .expect(AVAILABLE, true, WorkLocation.OFFICE, null, "03-03 16:00"),

                // ---- URGENT
                when("urgent, Monday 10:00 inside hours: two hours", ANI, "03-02 10:00", URGENT)
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-02 12:00"),
                when("urgent, 07:00 before the window: two hours from 07:30", ANI, "03-02 07:00", URGENT)
                        .expect(OFF_DUTY, false, null, "03-02 07:30", "03-02 09:30"),
                when("urgent, Monday 22:00: the unit's on-call officer instead", ANI, "03-02 22:00", URGENT)
                        .given(w -> w.slot(JKT, "piket", WIB, "03-02 16:00", "03-03 07:30", DODI, null))
                        .expect(OFF_DUTY, false, null, "03-03 07:30", "03-03 09:30").contact(DODI),
                when("urgent, Monday 22:00, on call as primary", ANI, "03-02 22:00", URGENT)
                        .given(w -> w.slot(JKT, "piket", WIB, "03-02 16:00", "03-03 07:30", ANI, DODI))
                        .expect(ON_CALL, true, null, null, "03-03 00:00"),
                when("urgent, Monday 22:00, on call as backup", ANI, "03-02 22:00", URGENT)
                        .given(w -> w.slot(JKT, "piket", WIB, "03-02 16:00", "03-03 07:30", DODI, ANI))
                        .expect(ON_CALL, true, null, null, "03-03 00:00"),
                when("urgent, Saturday 06:00, own on-call turn starts 08:00", ANI, "03-07 06:00", URGENT)
                        .given(w -> w.slot(JKT, "piket", WIB, "03-07 08:00", "03-07 20:00", ANI, null))
                        .expect(OFF_DUTY, false, null, "03-07 08:00", "03-07 10:00"),
                when("urgent, national holiday but on call", ANI, "03-03 10:00", URGENT)
                        .given(w -> w.holiday("03-03", ScheduleReason.NATIONAL_HOLIDAY)
                                .slot(JKT, "piket", WIB, "03-03 08:00", "03-03 20:00", ANI, null))
                        .expect(ON_CALL, true, null, null, "03-03 12:00"),
                when("urgent, agency day off on Friday: Monday 07:30 + 2 h", ANI, "03-06 10:00", URGENT)
                        .given(w -> w.holiday("03-06", ScheduleReason.AGENCY_DAY))
                        .expect(HOLIDAY, false, null, "03-09 07:30", "03-09 09:30"),
                when("urgent, resting after late work does not stop URGENT", ANI, "03-03 08:00", URGENT)
                        .given(w -> w.checkedOut(ANI, "03-02 23:00"))
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-03 10:00"),

                // ---- EMERGENCY
                when("emergency, checked in inside hours: 15 minutes", ANI, "03-02 10:00", EMERGENCY)
                        .given(w -> w.checkIn(ANI, WorkLocation.OFFICE, "03-02 07:40"))
                        .expect(AVAILABLE, true, WorkLocation.OFFICE, null, "03-02 10:15"),
                when("emergency, inside hours but not checked in: whoever is on call", ANI, "03-02 10:00", EMERGENCY)
                        .given(w -> w.slot(JKT, "piket", WIB, "03-02 07:30", "03-02 16:00", DODI, null))
                        .expect(EXPECTED, false, WorkLocation.OFFICE, null, "03-02 10:15").contact(DODI),
                when("emergency, not checked in, setting lets working hours count", ANI, "03-02 10:00", EMERGENCY)
                        .settings(ReachabilitySettings.defaults().withEmergencyNeedsCheckIn(false))
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-02 10:15"),
                when("emergency, Monday 22:00: the on-call officer instead", ANI, "03-02 22:00", EMERGENCY)
                        .given(w -> w.slot(JKT, "piket", WIB, "03-02 16:00", "03-03 07:30", DODI, BUDI))
                        .expect(OFF_DUTY, false, null, null, "03-02 22:15").contact(DODI),
                when("emergency, 03:00 on call themself", ANI, "03-02 03:00", EMERGENCY)
                        .given(w -> w.slot(JKT, "piket", WIB, "03-01 16:00", "03-02 07:30", ANI, DODI))
                        .expect(ON_CALL, true, null, null, "03-02 03:15"),
                when("emergency, Saturday 06:00, own turn starts 08:00", ANI, "03-07 06:00", EMERGENCY)
                        .given(w -> w.slot(JKT, "piket", WIB, "03-07 08:00", "03-07 20:00", ANI, null))
                        .expect(OFF_DUTY, false, null, "03-07 08:00", "03-07 06:15"),
                when("emergency, nobody on call at night", ANI, "03-02 22:00", EMERGENCY)
                        .expect(OFF_DUTY, false, null, null, "03-02 22:15"),

                // ---- leave
                when("routine, on leave: back Friday; manager instead", ANI, "03-04 10:00", ROUTINE)
                        .given(w -> w.leave(ANI, "03-04", "03-05"))
                        .expect(ON_LEAVE, false, null, "03-06 07:30", "03-06 16:30").contact(BUDI),
                when("urgent, on leave: back Friday 07:30 + 2 h", ANI, "03-04 10:00", URGENT)
                        .given(w -> w.leave(ANI, "03-04", "03-05"))
                        .expect(ON_LEAVE, false, null, "03-06 07:30", "03-06 09:30").contact(BUDI),
                when("routine, on leave all week: back next Monday", ANI, "03-02 10:00", ROUTINE)
                        .given(w -> w.leave(ANI, "03-02", "03-06"))
                        .expect(ON_LEAVE, false, null, "03-09 07:30", "03-09 16:00").contact(BUDI),
                when("emergency, on leave though named on the roster: the roster's backup", ANI, "03-04 10:00",
                        EMERGENCY)
                        .given(w -> w.leave(ANI, "03-04", "03-05")
                                .slot(JKT, "piket", WIB, "03-04 00:00", "03-05 00:00", ANI, DODI))
                        .expect(ON_LEAVE, false, null, null, "03-04 10:15").contact(DODI),
                when("urgent, on leave though named on the roster: leave wins", ANI, "03-04 10:00", URGENT)
                        .given(w -> w.leave(ANI, "03-04", "03-05")
                                .slot(JKT, "piket", WIB, "03-04 00:00", "03-05 00:00", ANI, DODI))
                        .expect(ON_LEAVE, false, null, "03-06 07:30", "03-06 09:30").contact(DODI),

                // ---- holidays
                when("routine, national holiday: back Wednesday; nobody instead", ANI, "03-03 10:00", ROUTINE)
                        .given(w -> w.holiday("03-03", ScheduleReason.NATIONAL_HOLIDAY))
                        .expect(HOLIDAY, false, null, "03-04 07:30", "03-04 16:00"),
                when("routine, collective leave", ANI, "03-04 10:00", ROUTINE)
                        .given(w -> w.holiday("03-04", ScheduleReason.COLLECTIVE_LEAVE))
                        .expect(HOLIDAY, false, null, "03-05 07:30", "03-05 16:00"),
                when("routine, agency day: skipped by the lookahead too", ANI, "03-05 18:00", ROUTINE)
                        .given(w -> w.holiday("03-06", ScheduleReason.AGENCY_DAY))
                        .expect(OFF_DUTY, false, null, "03-09 07:30", "03-09 16:00"),

                // ---- shifts crossing midnight
                when("routine, night shift 22:00-06:00 at 02:00: yesterday's window", ANI, "03-03 02:00", ROUTINE)
                        .given(w -> w.shift(ANI, "22:00", "06:00"))
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-04 06:00"),
                when("routine, night shift at noon: wait for 22:00; manager instead", ANI, "03-03 12:00", ROUTINE)
                        .given(w -> w.shift(ANI, "22:00", "06:00"))
                        .expect(OFF_DUTY, false, null, "03-03 22:00", "03-04 06:00").contact(BUDI),

                // ---- rest after late work
                when("routine, checked out 23:00: resting until 10:00", ANI, "03-03 08:00", ROUTINE)
                        .given(w -> w.checkedOut(ANI, "03-02 23:00"))
                        .expect(EXPECTED, false, WorkLocation.OFFICE, "03-03 10:00", "03-04 16:00").contact(BUDI),
                when("routine, checked out 23:00: at 10:30 the rest is over", ANI, "03-03 10:30", ROUTINE)
                        .given(w -> w.checkedOut(ANI, "03-02 23:00"))
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-04 16:00"),
                when("routine, came in early after late work: still resting", ANI, "03-03 08:00", ROUTINE)
                        .given(w -> w.attendance(ANI, new AttendanceNow(true, WorkLocation.OFFICE,
                                w.at(ANI, "03-03 07:45"), w.at(ANI, "03-02 23:00"))))
                        .expect(AVAILABLE, false, WorkLocation.OFFICE, "03-03 10:00", "03-04 16:00").contact(BUDI),
                when("routine, checked out at 16:00 sharp is not late work", ANI, "03-03 08:00", ROUTINE)
                        .given(w -> w.checkedOut(ANI, "03-02 16:00"))
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-04 16:00"),
                when("routine, worked through the night: rest covers all of Tuesday", ANI, "03-03 09:00", ROUTINE)
                        .given(w -> w.checkedOut(ANI, "03-03 05:00"))
                        .expect(EXPECTED, false, WorkLocation.OFFICE, "03-04 07:30", "03-04 16:00").contact(BUDI),
                when("routine, late on Friday night: rested by Monday", ANI, "03-09 07:30", ROUTINE)
                        .given(w -> w.checkedOut(ANI, "03-06 23:30"))
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-10 16:00"),
                when("routine, off duty and resting: next window moves past the rest", ANI, "03-03 02:00", ROUTINE)
                        .given(w -> w.checkedOut(ANI, "03-02 23:30"))
                        .expect(OFF_DUTY, false, null, "03-03 10:30", "03-03 16:00"),

                // ---- time zones: one instant, three local times
                when("WIB 07:00 (00:00Z): before the window", ANI, "03-02 00:00Z", ROUTINE)
                        .expect(OFF_DUTY, false, null, "03-02 07:30", "03-02 16:00"),
                when("WITA 08:00 (00:00Z): inside the window", MIRA, "03-02 00:00Z", ROUTINE)
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-03 16:00"),
                when("WIT 09:00 (00:00Z): checked in from home", PAUL, "03-02 00:00Z", ROUTINE)
                        .given(w -> w.checkIn(PAUL, WorkLocation.HOME, "03-02 07:32"))
                        .expect(AVAILABLE, true, WorkLocation.HOME, null, "03-03 16:00"),
                when("WIB 15:45 (08:45Z): still inside", ANI, "03-02 08:45Z", URGENT)
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-02 17:45"),
                when("WITA 16:45 (08:45Z): already off", MIRA, "03-02 08:45Z", URGENT)
                        .expect(OFF_DUTY, false, null, "03-03 07:30", "03-03 09:30"),
                when("WIT 17:45 (08:45Z): already off", PAUL, "03-02 08:45Z", ROUTINE)
                        .expect(OFF_DUTY, false, null, "03-03 07:30", "03-03 16:00"),
                when("WIT Saturday 06:00 is Friday 21:00Z: waits for Monday", PAUL, "03-06 21:00Z", ROUTINE)
                        .expect(OFF_DUTY, false, null, "03-09 07:30", "03-09 16:00"),
                when("WITA Friday 16:20 local is 08:20Z: inside Friday's window", MIRA, "03-06 08:20Z", EMERGENCY)
                        .given(w -> w.checkIn(MIRA, WorkLocation.OFFICE, "03-06 07:30"))
                        .expect(AVAILABLE, true, WorkLocation.OFFICE, null, "03-06 16:35"),

                // ---- degraded
                when("attendance down: schedule alone, EXPECTED", ANI, "03-02 10:00", ROUTINE)
                        .given(w -> w.attendanceDown = true)
                        .expect(EXPECTED, true, WorkLocation.OFFICE, null, "03-03 16:00")
                        .degraded(Sources.ATTENDANCE),
                when("attendance down, emergency: cannot tell who started; on-call instead", ANI, "03-02 10:00",
                        EMERGENCY)
                        .given(w -> {
                            w.attendanceDown = true;
                            w.slot(JKT, "piket", WIB, "03-02 07:30", "03-02 16:00", DODI, null);
                        })
                        .expect(EXPECTED, false, WorkLocation.OFFICE, null, "03-02 10:15").contact(DODI)
                        .degraded(Sources.ATTENDANCE),
                when("schedules down, routine: UNKNOWN, fallback deadline", ANI, "03-02 10:00", ROUTINE)
                        .given(w -> w.schedulesDown = true)
                        .expect(UNKNOWN, false, null, null, "03-05 10:00").degraded(Sources.POLICY),
                when("schedules down, urgent: UNKNOWN, nobody known reachable", ANI, "03-02 10:00", URGENT)
                        .given(w -> w.schedulesDown = true)
                        .expect(UNKNOWN, false, null, null, "03-02 12:00").degraded(Sources.POLICY),
                when("schedules down, emergency: rosters say she is on call", ANI, "03-02 22:00", EMERGENCY)
                        .given(w -> {
                            w.schedulesDown = true;
                            w.slot(JKT, "piket", WIB, "03-02 16:00", "03-03 07:30", ANI, DODI);
                        })
                        .expect(UNKNOWN, true, null, null, "03-02 22:15").degraded(Sources.POLICY),
                when("schedules down, emergency: the rostered officer instead", ANI, "03-02 22:00", EMERGENCY)
                        .given(w -> {
                            w.schedulesDown = true;
                            w.slot(JKT, "piket", WIB, "03-02 16:00", "03-03 07:30", DODI, null);
                        })
                        .expect(UNKNOWN, false, null, null, "03-02 22:15").contact(DODI).degraded(Sources.POLICY),
                when("policy-service down: UNKNOWN, no contact, no error", ANI, "03-02 22:00", EMERGENCY)
                        .given(w -> w.policyDown = true)
                        .expect(UNKNOWN, false, null, null, "03-02 22:15").degraded(Sources.POLICY),
                when("lookahead down at night: next unknown, fallback deadline", ANI, "03-02 22:00", ROUTINE)
                        .given(w -> w.schedulesDownAfter = InMemoryData.date("03-02"))
                        .expect(OFF_DUTY, false, null, null, "03-05 22:00").degraded(Sources.POLICY)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersTheWholeQuestion(Case c) {
        InMemoryData w = world();
        c.given.accept(w);
        ZoneId zone = w.zoneOf(c.nip);
        Instant at = c.at.endsWith("Z") ? InMemoryData.at(ZoneOffset.UTC, c.at.substring(0, c.at.length() - 1))
                : InMemoryData.at(zone, c.at);
        ReachabilityEngine engine = new ReachabilityEngine(w, c.settings, Clock.fixed(NOW, ZoneOffset.UTC));

        Reachability r = engine.answer(new ReachabilityQuery(c.nip, at, c.urgency, "test-client"));

        assertAll(c.name + " — reasons " + r.reasons(),
                () -> assertEquals(c.nip, r.nip(), "nip"),
                () -> assertEquals(c.urgency, r.urgency(), "urgency"),
                () -> assertEquals(at, r.at(), "at"),
                () -> assertEquals(c.state, r.state(), "state"),
                () -> assertEquals(c.reachable, r.reachable(), "reachable"),
                () -> assertEquals(c.location, r.workLocation(), "work_location"),
                () -> assertEquals(local(c.next), show(r.nextReachableAt(), zone), "next_reachable_at"),
                () -> assertEquals(local(c.respondBy), show(r.respondBy(), zone), "respond_by"),
                () -> assertEquals(c.contact, r.contactInstead() == null ? null : r.contactInstead().nip(),
                        "contact_instead"),
                () -> assertEquals(c.degraded, r.degradedSources(), "degraded_sources"),
                () -> assertEquals(!c.degraded.isEmpty(), r.degraded(), "degraded"),
                () -> assertEquals(NOW, r.asOf(), "as_of"),
                () -> assertFalse(r.reasons().isEmpty(), "reasons"));
        if (r.contactInstead() != null) {
            Reachability other = r.contactInstead();
            assertAll("contact_instead",
                    () -> assertEquals(true, other.reachable(), "a contact is reachable"),
                    () -> assertEquals(c.urgency, other.urgency(), "same urgency"),
                    () -> assertNull(other.contactInstead(), "no contact of the contact"),
                    () -> assertNull(other.nextReachableAt(), "reachable now"));
        }
    }

    /** Expected local time as ISO text in the officer's zone, so a failure reads like the table. */
    private static String local(String monthDayTime) {
        return monthDayTime == null ? null : LocalDateTime.parse("2026-" + monthDayTime.replace(' ', 'T')).toString();
    }

    private static String show(Instant i, ZoneId zone) {
        return i == null ? null : LocalDateTime.ofInstant(i, zone).toString();
    }
}
