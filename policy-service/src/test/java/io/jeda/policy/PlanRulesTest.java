package io.jeda.policy;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.WorkPlace;
import io.jeda.policy.domain.organisation.FlexiTimeKind;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.plan.Plan;
import io.jeda.policy.domain.plan.PlanDay;
import io.jeda.policy.domain.plan.PlanRules;
import io.jeda.policy.domain.plan.PlanState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.jeda.policy.domain.WorkPlace.*;
import static io.jeda.policy.domain.plan.PlanRules.*;
import static java.time.DayOfWeek.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every FWA plan rule on its own, its boundaries, and a plan that breaks many rules at once. */
class PlanRulesTest {

    static final PolicySettings SETTINGS = PolicySettings.defaults();
    static final LocalDate START = LocalDate.of(2026, 3, 2);
    static final LocalDate END = LocalDate.of(2026, 6, 30);
    static final LocalDate TODAY = LocalDate.of(2026, 2, 20);
    static final String NIP = "199001012015011001";

    /** Everything a case may change, starting from a plan that breaks nothing. */
    static final class Fixture {
        boolean fwaEligible = true;
        String places = "OFFICE,HOME";
        int maxRemote = 2;
        FlexiTimeKind kind = FlexiTimeKind.WINDOW;
        LocalTime defaultStart = LocalTime.of(7, 30);
        LocalTime windowBegin = LocalTime.of(7, 0);
        LocalTime windowEnd = LocalTime.of(9, 0);
        LocalTime coreStart = LocalTime.of(9, 0);
        LocalTime coreEnd = LocalTime.of(15, 0);
        LocalDate penaltyUntil;
        LocalDate probationUntil;
        LocalDate today = TODAY;
        LocalDate start = START;
        LocalDate end = END;
        List<PlanDay> days = new ArrayList<>(List.of(
                day(MONDAY, OFFICE, "07:30"), day(TUESDAY, OFFICE, "07:30"), day(WEDNESDAY, HOME, "08:00"),
                day(THURSDAY, OFFICE, "07:30"), day(FRIDAY, HOME, "07:30")));
        List<Plan> others = new ArrayList<>();

        Position position() {
            return new Position("analis", "Analis", fwaEligible, places, maxRemote, kind, defaultStart, windowBegin,
                    windowEnd, 2250, 450, 60, 90, coreStart, coreEnd, Instant.EPOCH, Instant.EPOCH);
        }

        Officer officer() {
            return new Officer(NIP, "Siti", "u1", "analis", null, null, null, null, penaltyUntil, probationUntil,
                    Instant.EPOCH, Instant.EPOCH);
        }

        Plan plan() {
            return PlanRulesTest.plan("p1", start, end, PlanState.DRAFT, days);
        }

        Set<String> reasons() {
            return PlanRules.validate(plan(), position(), officer(), others, today, SETTINGS).stream()
                    .map(Violation::reason).collect(Collectors.toCollection(TreeSet::new));
        }

        void setDay(DayOfWeek dow, WorkPlace place, String start) {
            days.removeIf(d -> d.dayOfWeek() == dow);
            days.add(day(dow, place, start));
        }
    }

    static PlanDay day(DayOfWeek dow, WorkPlace place, String start) {
        return new PlanDay(dow, place, LocalTime.parse(start));
    }

    static Plan plan(String id, LocalDate start, LocalDate end, PlanState state, List<PlanDay> days) {
        return new Plan(id, NIP, start, end, PlanDay.encode(days), state, "", "", null, Instant.EPOCH, Instant.EPOCH, 0);
    }

    static Arguments rule(String name, Consumer<Fixture> change, String... expected) {
        return Arguments.of(name, change, Set.of(expected));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                rule("a plan within every rule", f -> { }),
                rule("penalty covering the start", f -> f.penaltyUntil = START.plusDays(10), OFFICER_NOT_ELIGIBLE),
                rule("penalty ending the day before the start", f -> f.penaltyUntil = START.minusDays(1)),
                rule("probation until the first day", f -> f.probationUntil = START, OFFICER_NOT_ELIGIBLE),
                rule("probation ending in the middle of the period", f -> f.probationUntil = START.plusMonths(1),
                        OFFICER_NOT_ELIGIBLE),
                rule("position not eligible, plan with home days", f -> f.fwaEligible = false, OFFICER_NOT_ELIGIBLE),
                rule("position not eligible, only office days but a later start", f -> {
                    f.fwaEligible = false;
                    f.setDay(WEDNESDAY, OFFICE, "08:00");
                    f.setDay(FRIDAY, OFFICE, "07:30");
                }, OFFICER_NOT_ELIGIBLE),
                rule("position not eligible, office days at the default start", f -> {
                    f.fwaEligible = false;
                    f.setDay(WEDNESDAY, OFFICE, "07:30");
                    f.setDay(FRIDAY, OFFICE, "07:30");
                }),
                rule("home not among the position's places", f -> f.places = "OFFICE,OTHER_OFFICE", PLACE_NOT_ALLOWED),
                rule("another place not among the position's places", f -> f.setDay(MONDAY, OTHER, "07:30"),
                        PLACE_NOT_ALLOWED, REMOTE_DAYS_EXCEEDED),
                rule("another place the position allows", f -> {
                    f.places = "OFFICE,HOME,OTHER";
                    f.setDay(WEDNESDAY, OTHER, "08:00");
                }),
                rule("three remote days, two allowed", f -> f.setDay(MONDAY, HOME, "07:30"), REMOTE_DAYS_EXCEEDED),
                rule("two remote days, one allowed", f -> f.maxRemote = 1, REMOTE_DAYS_EXCEEDED),
                rule("window: start before the window", f -> f.setDay(TUESDAY, OFFICE, "06:30"), START_OUTSIDE_WINDOW),
                rule("window: start at its last minute", f -> f.setDay(TUESDAY, OFFICE, "09:00")),
                rule("window: start at its first minute", f -> f.setDay(TUESDAY, OFFICE, "07:00")),
                rule("dynamic: start after the window", f -> {
                    f.kind = FlexiTimeKind.DYNAMIC;
                    f.coreStart = LocalTime.of(10, 0);
                    f.setDay(TUESDAY, OFFICE, "09:30");
                }, START_OUTSIDE_WINDOW),
                rule("fixed: a start other than the default", f -> {
                    f.kind = FlexiTimeKind.FIXED;
                    f.setDay(WEDNESDAY, HOME, "07:30");
                    f.setDay(TUESDAY, OFFICE, "08:00");
                }, START_OUTSIDE_WINDOW),
                rule("fixed: every day at the default start", f -> {
                    f.kind = FlexiTimeKind.FIXED;
                    f.setDay(WEDNESDAY, HOME, "07:30");
                }),
                rule("shift: any start, weekend days, no core hours", f -> {
                    f.kind = FlexiTimeKind.SHIFT;
                    f.setDay(SATURDAY, OFFICE, "22:00");
                    f.setDay(TUESDAY, OFFICE, "13:00");
                }),
                rule("core hours end after the working day", f -> f.coreEnd = LocalTime.of(16, 30),
                        CORE_HOURS_NOT_COVERED),
                rule("core hours start before the latest start", f -> {
                    f.coreStart = LocalTime.of(8, 0);
                    f.setDay(WEDNESDAY, HOME, "08:30");
                }, CORE_HOURS_NOT_COVERED),
                rule("Friday's longer break covers the core hours", f -> {
                    f.coreEnd = LocalTime.of(16, 30);
                    f.setDay(MONDAY, OFFICE, "08:00");
                    f.setDay(TUESDAY, OFFICE, "08:00");
                    f.setDay(THURSDAY, OFFICE, "08:00");
                }),
                rule("Friday's longer break still short of the core hours", f -> {
                    f.coreEnd = LocalTime.of(16, 30);
                    f.setDay(MONDAY, OFFICE, "08:00");
                    f.setDay(TUESDAY, OFFICE, "08:00");
                    f.setDay(THURSDAY, OFFICE, "08:00");
                    f.setDay(FRIDAY, HOME, "07:00");
                }, CORE_HOURS_NOT_COVERED),
                rule("four working days", f -> f.days.removeIf(d -> d.dayOfWeek() == THURSDAY), WEEKLY_HOURS_SHORT),
                rule("no working day at all", f -> f.days.clear(), WEEKLY_HOURS_SHORT),
                rule("a Saturday for an office-hours position", f -> f.setDay(SATURDAY, OFFICE, "07:30"),
                        WEEKEND_NOT_ALLOWED),
                rule("a Sunday at home for an office-hours position", f -> {
                    f.setDay(FRIDAY, OFFICE, "07:30");
                    f.setDay(SUNDAY, HOME, "07:30");
                }, WEEKEND_NOT_ALLOWED),
                rule("an approved plan overlapping", f -> f.others.add(
                        plan("p2", END.minusDays(1), END.plusMonths(2), PlanState.APPROVED, f.days)), OVERLAPPING_PLAN),
                rule("a submitted plan overlapping", f -> f.others.add(
                        plan("p2", START.minusMonths(1), START, PlanState.SUBMITTED, f.days)), OVERLAPPING_PLAN),
                rule("an approved plan ending the day before", f -> f.others.add(
                        plan("p2", START.minusMonths(1), START.minusDays(1), PlanState.APPROVED, f.days))),
                rule("a rejected, revoked or draft plan overlapping", f -> {
                    f.others.add(plan("p2", START, END, PlanState.REJECTED, f.days));
                    f.others.add(plan("p3", START, END, PlanState.REVOKED, f.days));
                    f.others.add(plan("p4", START, END, PlanState.DRAFT, f.days));
                }),
                rule("the plan itself among the officer's plans", f -> f.others.add(
                        plan("p1", START, END, PlanState.SUBMITTED, f.days))),
                rule("validated after the period ended", f -> f.today = END.plusDays(1), PERIOD_ENDED),
                rule("validated on the last day of the period", f -> f.today = END));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRule(String name, Consumer<Fixture> change, Set<String> expected) {
        Fixture f = new Fixture();
        change.accept(f);
        assertEquals(new TreeSet<>(expected), f.reasons());
    }

    @Test
    void aPlanBreakingManyRulesGetsEveryReasonAtOnce() {
        Fixture f = new Fixture();
        f.probationUntil = END;
        f.maxRemote = 1;
        f.days.clear();
        f.days.add(day(MONDAY, HOME, "06:00"));
        f.days.add(day(TUESDAY, OTHER, "07:30"));
        f.days.add(day(WEDNESDAY, HOME, "07:30"));
        f.days.add(day(SATURDAY, OFFICE, "07:30"));
        f.others.add(plan("p2", START, START.plusDays(7), PlanState.APPROVED, f.days));

        List<Violation> violations = PlanRules.validate(f.plan(), f.position(), f.officer(), f.others, f.today, SETTINGS);

        assertEquals(Set.of(OFFICER_NOT_ELIGIBLE, PLACE_NOT_ALLOWED, REMOTE_DAYS_EXCEEDED, START_OUTSIDE_WINDOW,
                CORE_HOURS_NOT_COVERED, WEEKLY_HOURS_SHORT, WEEKEND_NOT_ALLOWED, OVERLAPPING_PLAN),
                violations.stream().map(Violation::reason).collect(Collectors.toSet()));
        // Each violation says which day or thing it is about, so a person can fix it.
        assertTrue(violations.stream().anyMatch(v -> v.reason().equals(PLACE_NOT_ALLOWED)
                && v.subject().equals("days[TUESDAY].place")));
        assertTrue(violations.stream().anyMatch(v -> v.reason().equals(START_OUTSIDE_WINDOW)
                && v.subject().equals("days[MONDAY].start_time")));
    }

    static Stream<Arguments> periods() {
        return Stream.of(
                Arguments.of(START, START, null),
                Arguments.of(START, START.plusDays(SETTINGS.planMaxPeriodDays()), null),
                Arguments.of(START, START.plusDays(SETTINGS.planMaxPeriodDays() + 1), "PERIOD_TOO_LONG"),
                Arguments.of(START, START.minusDays(1), "INVALID_PERIOD"));
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @MethodSource("periods")
    void periodBounds(LocalDate start, LocalDate end, String reason) {
        if (reason == null) {
            PlanRules.checkPeriod(start, end, SETTINGS);
            return;
        }
        JedaException e = assertThrows(JedaException.class, () -> PlanRules.checkPeriod(start, end, SETTINGS));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        assertEquals(reason, e.reason());
        assertEquals("end_date", e.metadata().get("field"));
    }

    @Test
    void aWeekdayTwiceIsRefused() {
        JedaException e = assertThrows(JedaException.class, () -> PlanRules.checkDays(
                List.of(day(MONDAY, OFFICE, "07:30"), day(MONDAY, HOME, "08:00"))));
        assertEquals("DUPLICATE_WEEKDAY", e.reason());
        assertEquals("MONDAY", e.metadata().get("day_of_week"));
    }

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of("home day for an eligible officer", HOME, null, null, Set.of()),
                Arguments.of("a place the position does not allow", OTHER, null, null, Set.of(PLACE_NOT_ALLOWED)),
                Arguments.of("officer under a penalty that day", HOME, null, START, Set.of(OFFICER_NOT_ELIGIBLE)),
                Arguments.of("a start outside the window", OFFICE, "06:00", null,
                        Set.of(START_OUTSIDE_WINDOW, CORE_HOURS_NOT_COVERED)),
                Arguments.of("a start inside the window", OFFICE, "08:30", null, Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exceptions")
    void exceptionRules(String name, WorkPlace place, String start, LocalDate penaltyUntil, Set<String> expected) {
        Fixture f = new Fixture();
        f.penaltyUntil = penaltyUntil;
        List<Violation> v = PlanRules.validateException(START, place, start == null ? null : LocalTime.parse(start),
                f.position(), f.officer());
        assertEquals(expected, v.stream().map(Violation::reason).collect(Collectors.toSet()));
    }

    @Test
    void anExceptionAtHomeForAPositionWithoutFwaIsNotEligible() {
        Fixture f = new Fixture();
        f.fwaEligible = false;
        List<Violation> v = PlanRules.validateException(START, HOME, null, f.position(), f.officer());
        assertEquals(Set.of(OFFICER_NOT_ELIGIBLE), v.stream().map(Violation::reason).collect(Collectors.toSet()));
    }
}
