package io.jeda.attendance.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a day settles, on a Monday in WIB with work 07:30-16:00, core 09:00-15:00 and 450 minutes due. */
class DayRulesTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final String NIP = "198503152010011001";
    private static final AttendanceSettings S = AttendanceSettings.defaults();
    private static final Instant AFTER = at("23:59").plusSeconds(3600);

    private static Instant at(String localTime) {
        return DAY.atTime(LocalTime.parse(localTime)).atZone(WIB).toInstant();
    }

    private static ScheduleInfo working() {
        return new ScheduleInfo(DAY, true, Set.of(WorkPlace.OFFICE), at("07:30"), at("16:00"), at("09:00"),
                at("15:00"), 450, "POSITION_DEFAULT");
    }

    private static ScheduleInfo off(String reason) {
        return new ScheduleInfo(DAY, false, Set.of(), null, null, null, null, 0, reason);
    }

    private static AttendanceEvent event(EventKind kind, String time, String checkInId, Flag... flags) {
        return new AttendanceEvent(kind + time, NIP, kind, AttendanceMode.OFFICE, "k" + time, "f", at(time), at(time),
                at(time), DAY, "Asia/Jakarta", "u", 0.0, 0.0, 1.0, "d",
                Flag.join(flags.length == 0 ? Set.of() : Set.of(flags)), Verification.VERIFIED, null, checkInId);
    }

    /** Sessions written as "in-out" pairs, e.g. "07:25-16:05"; an out of "open" leaves it open. */
    private static List<Session> sessions(String spec) {
        List<Session> out = new ArrayList<>();
        if (spec.isBlank()) {
            return out;
        }
        for (String pair : spec.split(" ")) {
            String[] p = pair.split("-");
            AttendanceEvent in = event(EventKind.CHECK_IN, p[0], null);
            AttendanceEvent o = p[1].equals("open") ? null
                    : p[1].startsWith("auto") ? event(EventKind.CHECK_OUT, p[1].substring(4), in.id(), Flag.AUTO_CHECKOUT)
                    : event(EventKind.CHECK_OUT, p[1], in.id());
            out.add(new Session(in, o));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1}, {2} min, core {3}")
    @CsvSource({
            "'07:25-16:05', PRESENT, 460, true",
            "'07:40-16:30', LATE, 470, true",
            "'07:00-15:45', EARLY_LEAVE, 465, true",
            "'07:30-12:00', INCOMPLETE_HOURS, 210, false",
            "'08:30-16:00', INCOMPLETE_HOURS, 390, true",
            "'', ABSENT, 0, false",
            // Two sessions with a gap in core hours: hours complete, core hours broken.
            "'07:30-11:00 11:30-16:30', PRESENT, 450, false",
            // A forgotten check-out closed at 23:59 earns hours only until the planned end.
            "'07:20-auto23:59', PRESENT, 460, true",
            "'10:00-auto23:59', INCOMPLETE_HOURS, 300, false",
            // Never checked out and the day closed without the end-of-day rule having run.
            "'07:20-open', INCOMPLETE_HOURS, 0, false"})
    void workingDaySettles(String spec, DayStatus status, int worked, boolean core) {
        DaySummary d = DayRules.settle(NIP, DAY, "Asia/Jakarta", working(), sessions(spec), true, AFTER, S);
        assertEquals(status, d.status());
        assertEquals(worked, d.workedMinutes());
        assertEquals(core, d.coreHoursMet());
        assertEquals(450, d.dueMinutes());
    }

    @Test
    void autoCheckoutIsFlaggedOnTheDay() {
        DaySummary d = DayRules.settle(NIP, DAY, "Asia/Jakarta", working(), sessions("07:20-auto23:59"), true, AFTER, S);
        assertTrue(d.flags().contains(Flag.AUTO_CHECKOUT));
        assertEquals(at("23:59"), d.lastCheckOut());
        assertEquals(at("07:20"), d.firstCheckIn());
    }

    @Test
    void aDayNotClosedYetIsPendingAndCountsTheOpenSessionUntilNow() {
        DaySummary d = DayRules.settle(NIP, DAY, "Asia/Jakarta", working(), sessions("07:30-open"), false,
                at("10:30"), S);
        assertEquals(DayStatus.PENDING, d.status());
        assertEquals(180 - 60, d.workedMinutes());
    }

    @Test
    void lateGraceIsASetting() {
        AttendanceSettings lenient = new AttendanceSettings(S.maxClockSkew(), S.maxAccuracyMeters(), S.lateSyncLimit(),
                S.policyDeadline(), S.fallbackTimeZone(), S.maxBatchOfficers(), S.unitCacheTtl(), S.officerCacheTtl(),
                S.scheduleCacheTtl(), S.cacheMaxEntries(), java.time.Duration.ofMinutes(15), S.defaultDayClose(),
                S.lastCheckOutLookback());
        assertEquals(DayStatus.PRESENT, DayRules.settle(NIP, DAY, "Asia/Jakarta", working(), sessions("07:40-16:30"),
                true, AFTER, lenient).status());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"LEAVE, ON_LEAVE", "NATIONAL_HOLIDAY, HOLIDAY", "COLLECTIVE_LEAVE, HOLIDAY", "AGENCY_DAY, HOLIDAY",
            "WEEKEND, OFF_DAY"})
    void daysWithoutWork(String reason, DayStatus status) {
        DaySummary none = DayRules.settle(NIP, DAY, "Asia/Jakarta", off(reason), List.of(), true, AFTER, S);
        assertEquals(status, none.status());
        assertEquals(0, none.dueMinutes());
        assertFalse(none.coreHoursMet());
        // Coming in anyway does not turn the day into a working day.
        DaySummary came = DayRules.settle(NIP, DAY, "Asia/Jakarta", off(reason), sessions("09:00-12:00"), true, AFTER, S);
        assertEquals(status, came.status());
        assertEquals(180, came.workedMinutes());
    }
}
