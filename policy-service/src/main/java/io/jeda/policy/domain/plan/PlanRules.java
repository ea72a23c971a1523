package io.jeda.policy.domain.plan;

import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.WorkPlace;
import io.jeda.policy.domain.organisation.FlexiTimeKind;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Position;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The FWA rules a plan (and a one-day exception) must satisfy, as pure functions of their inputs,
 * so that they can be tested case by case without a server or a database and applied identically
 * at submission and again at approval.
 * <p>
 * {@link #validate} reports every violated rule at once, each a {@link Violation} with its own
 * reason:
 * <ul>
 *   <li>OFFICER_NOT_ELIGIBLE: the officer is under a penalty or in probation on a date of the
 *       period, or the position is not FWA-eligible while the plan has a remote day or a start other
 *       than the position's default start;</li>
 *   <li>PLACE_NOT_ALLOWED: a day's place is not one the position allows;</li>
 *   <li>REMOTE_DAYS_EXCEEDED: more remote days a week than the position allows;</li>
 *   <li>START_OUTSIDE_WINDOW: FIXED positions must start at the default start, WINDOW and DYNAMIC
 *       inside the start window; SHIFT may start at any time;</li>
 *   <li>CORE_HOURS_NOT_COVERED: a day's working window (start, plus the daily minutes, plus the
 *       break, the Friday break on Fridays) does not contain the core hours; not applied to SHIFT;</li>
 *   <li>WEEKLY_HOURS_SHORT: the plan's days times the daily minutes fall short of the weekly minutes;</li>
 *   <li>WEEKEND_NOT_ALLOWED: a Saturday or Sunday in the plan of a position that does not work
 *       shifts (DESIGN.md: the working week is Monday to Friday; only shift work goes beyond it).
 *       A reason of its own rather than PLACE_NOT_ALLOWED, because the place is not what is wrong;</li>
 *   <li>OVERLAPPING_PLAN: another SUBMITTED or APPROVED plan of the officer overlaps the period
 *       (at most one plan in force on a date; a pending one counts so that two cannot both be
 *       approved);</li>
 *   <li>PERIOD_ENDED: the period ended before the date of validation; such a plan can never be in
 *       force, so submitting or approving it would only mislead.</li>
 * </ul>
 */
public final class PlanRules {

    public static final String OFFICER_NOT_ELIGIBLE = "OFFICER_NOT_ELIGIBLE";
    public static final String PLACE_NOT_ALLOWED = "PLACE_NOT_ALLOWED";
    public static final String REMOTE_DAYS_EXCEEDED = "REMOTE_DAYS_EXCEEDED";
    public static final String START_OUTSIDE_WINDOW = "START_OUTSIDE_WINDOW";
    public static final String CORE_HOURS_NOT_COVERED = "CORE_HOURS_NOT_COVERED";
    public static final String WEEKLY_HOURS_SHORT = "WEEKLY_HOURS_SHORT";
    public static final String WEEKEND_NOT_ALLOWED = "WEEKEND_NOT_ALLOWED";
    public static final String OVERLAPPING_PLAN = "OVERLAPPING_PLAN";
    public static final String PERIOD_ENDED = "PERIOD_ENDED";

    private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private static final Set<PlanState> HOLDING_STATES = EnumSet.of(PlanState.SUBMITTED, PlanState.APPROVED);

    private PlanRules() {
    }

    /**
     * Every rule the plan breaks.
     *
     * @param plan       the plan to check (its days already carry a start time)
     * @param position   the officer's position as it is now
     * @param officer    the plan's officer
     * @param otherPlans other plans of the officer; only SUBMITTED and APPROVED ones other than
     *                   {@code plan} itself count
     * @param today      the officer's local date of validation
     * @param settings   the policy settings
     * @return the violations, empty when the plan may be submitted or approved
     */
    public static List<Violation> validate(Plan plan, Position position, Officer officer, List<Plan> otherPlans,
                                           LocalDate today, PolicySettings settings) {
        List<PlanDay> days = PlanDay.decode(plan.days());
        List<Violation> out = new ArrayList<>();

        if (plan.endDate().isBefore(today)) {
            out.add(new Violation(PERIOD_ENDED, "end_date",
                    "the period ended on " + plan.endDate() + ", before today " + today));
        }

        // Eligibility only ever returns after the penalty or probation end date, so the period has an
        // ineligible date exactly when its first date is one.
        if (!officer.personallyEligibleOn(plan.startDate())) {
            out.add(personalIneligibility(officer, plan.startDate()));
        }
        boolean usesFlexibility = days.stream()
                .anyMatch(d -> d.place().isRemote() || !d.start().equals(position.defaultStart()));
        if (!position.fwaEligible() && usesFlexibility) {
            out.add(positionIneligibility(position));
        }

        for (PlanDay d : days) {
            out.addAll(placeViolations(d.place(), position, dayField(d, "place")));
            if (WEEKEND.contains(d.dayOfWeek()) && position.flexiTime() != FlexiTimeKind.SHIFT) {
                out.add(new Violation(WEEKEND_NOT_ALLOWED, dayField(d, "day_of_week"),
                        d.dayOfWeek() + " is not a working day for position " + position.id()
                                + ", which does not work shifts"));
            }
            out.addAll(startViolations(d.start(), position, dayField(d, "start_time")));
            out.addAll(coreHoursViolations(d.dayOfWeek(), d.start(), position, dayField(d, "start_time")));
        }

        long remote = days.stream().filter(d -> d.place().isRemote()).count();
        if (remote > position.maxRemoteDaysPerWeek()) {
            out.add(new Violation(REMOTE_DAYS_EXCEEDED, "days",
                    remote + " remote days a week, position " + position.id() + " allows at most "
                            + position.maxRemoteDaysPerWeek()));
        }

        long weekly = (long) days.size() * position.dailyWorkMinutes();
        if (weekly < position.weeklyWorkMinutes()) {
            out.add(new Violation(WEEKLY_HOURS_SHORT, "days",
                    days.size() + " working days of " + position.dailyWorkMinutes() + " minutes make " + weekly
                            + " minutes a week, fewer than the " + position.weeklyWorkMinutes() + " required"));
        }

        for (Plan other : otherPlans) {
            if (other.id().equals(plan.id()) || !other.officerNip().equals(plan.officerNip())
                    || !HOLDING_STATES.contains(other.state())) {
                continue;
            }
            if (!other.startDate().isAfter(plan.endDate()) && !other.endDate().isBefore(plan.startDate())) {
                out.add(new Violation(OVERLAPPING_PLAN, "plans/" + other.id(),
                        "plan " + other.id() + " (" + other.state() + ", " + other.startDate() + " to "
                                + other.endDate() + ") overlaps the period"));
            }
        }
        return out;
    }

    /**
     * The rules a one-day exception must satisfy: the place must be allowed, the officer eligible on
     * that date, and a start time given must be one the position allows.
     *
     * @param start the requested start, or null to keep the plan's or position's start
     */
    public static List<Violation> validateException(LocalDate date, WorkPlace place, LocalTime start,
                                                    Position position, Officer officer) {
        List<Violation> out = new ArrayList<>();
        if (!officer.personallyEligibleOn(date)) {
            out.add(personalIneligibility(officer, date));
        }
        boolean usesFlexibility = place.isRemote() || (start != null && !start.equals(position.defaultStart()));
        if (!position.fwaEligible() && usesFlexibility) {
            out.add(positionIneligibility(position));
        }
        out.addAll(placeViolations(place, position, "place"));
        if (start != null) {
            out.addAll(startViolations(start, position, "start_time"));
            out.addAll(coreHoursViolations(date.getDayOfWeek(), start, position, "start_time"));
        }
        return out;
    }

    /**
     * REMOTE_DAYS_EXCEEDED when the exception would give its week more remote days than the
     * position allows.
     *
     * @param weekPlaces the place of every working day of the exception's week (Monday to Sunday) as
     *                   the effective schedule has it now; a day that is not working is absent
     */
    public static List<Violation> weekRemoteDayViolations(LocalDate date, WorkPlace place,
                                                          java.util.Map<LocalDate, WorkPlace> weekPlaces,
                                                          Position position) {
        long remote = weekPlaces.entrySet().stream()
                .filter(e -> !e.getKey().equals(date) && e.getValue() != null && e.getValue().isRemote()).count();
        if (weekPlaces.containsKey(date) && place.isRemote()) {
            remote++;
        }
        if (remote <= position.maxRemoteDaysPerWeek()) {
            return List.of();
        }
        LocalDate monday = date.with(java.time.DayOfWeek.MONDAY);
        return List.of(new Violation(REMOTE_DAYS_EXCEEDED, "place", "the week of " + monday + " would have " + remote
                + " remote days; position " + position.id() + " allows at most " + position.maxRemoteDaysPerWeek()));
    }

    /** PLACE_NOT_ALLOWED when the position does not allow the place. */
    public static List<Violation> placeViolations(WorkPlace place, Position position, String subject) {
        if (position.places().contains(place)) {
            return List.of();
        }
        return List.of(new Violation(PLACE_NOT_ALLOWED, subject,
                place + " is not a place position " + position.id() + " allows (" + position.places() + ")"));
    }

    /** START_OUTSIDE_WINDOW when the start does not fit the position's flexi-time kind. */
    public static List<Violation> startViolations(LocalTime start, Position position, String subject) {
        boolean ok = switch (position.flexiTime()) {
            case FIXED -> start.equals(position.defaultStart());
            case WINDOW, DYNAMIC -> !start.isBefore(position.startWindowBegin())
                    && !start.isAfter(position.startWindowEnd());
            case SHIFT -> true;
        };
        if (ok) {
            return List.of();
        }
        String allowed = position.flexiTime() == FlexiTimeKind.FIXED
                ? "exactly " + position.defaultStart()
                : "between " + position.startWindowBegin() + " and " + position.startWindowEnd();
        return List.of(new Violation(START_OUTSIDE_WINDOW, subject,
                "start " + start + " is not allowed: position " + position.id() + " (" + position.flexiTime()
                        + ") starts " + allowed));
    }

    /** CORE_HOURS_NOT_COVERED when the day's working window misses part of the core hours. */
    public static List<Violation> coreHoursViolations(DayOfWeek day, LocalTime start, Position position,
                                                      String subject) {
        if (position.flexiTime() == FlexiTimeKind.SHIFT) {
            return List.of();
        }
        int breakMinutes = day == DayOfWeek.FRIDAY ? position.fridayBreakMinutes() : position.breakMinutes();
        // Minutes since midnight, not LocalTime, so that a window running past midnight does not wrap.
        int begin = start.toSecondOfDay() / 60;
        int end = begin + position.dailyWorkMinutes() + breakMinutes;
        int coreBegin = position.coreStart().toSecondOfDay() / 60;
        int coreEnd = position.coreEnd().toSecondOfDay() / 60;
        if (begin <= coreBegin && end >= coreEnd) {
            return List.of();
        }
        return List.of(new Violation(CORE_HOURS_NOT_COVERED, subject,
                day + ": working from " + start + " for " + position.dailyWorkMinutes() + " minutes plus a "
                        + breakMinutes + "-minute break does not cover the core hours " + position.coreStart()
                        + "-" + position.coreEnd()));
    }

    /**
     * Checks the period of a plan as input: start not after end and no longer than the settings
     * allow ({@code end_date} at most {@code planMaxPeriodDays} days after {@code start_date}).
     *
     * @throws JedaException INVALID_ARGUMENT with reason INVALID_PERIOD or PERIOD_TOO_LONG
     */
    public static void checkPeriod(LocalDate start, LocalDate end, PolicySettings settings) {
        if (end.isBefore(start)) {
            throw JedaException.invalidArgument("INVALID_PERIOD",
                    "end_date " + end + " is before start_date " + start, "field", "end_date",
                    "start_date", start.toString(), "end_date", end.toString());
        }
        long days = ChronoUnit.DAYS.between(start, end);
        if (days > settings.planMaxPeriodDays()) {
            throw JedaException.invalidArgument("PERIOD_TOO_LONG",
                    "end_date may be at most " + settings.planMaxPeriodDays() + " days after start_date, got " + days,
                    "field", "end_date", "max_days", String.valueOf(settings.planMaxPeriodDays()),
                    "days", String.valueOf(days));
        }
    }

    /**
     * Checks the weekly pattern as input: at most one entry per weekday, each with a start time.
     *
     * @throws JedaException INVALID_ARGUMENT with reason DUPLICATE_WEEKDAY
     */
    public static void checkDays(List<PlanDay> days) {
        EnumSet<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
        for (PlanDay d : days) {
            if (!seen.add(d.dayOfWeek())) {
                throw JedaException.invalidArgument("DUPLICATE_WEEKDAY",
                        d.dayOfWeek() + " appears more than once; a plan has at most one entry per weekday",
                        "field", "days", "day_of_week", d.dayOfWeek().name());
            }
            if (d.place() == null || d.start() == null) {
                throw JedaException.invalidField("days", "every day needs a place and a start time");
            }
        }
    }

    private static Violation personalIneligibility(Officer officer, LocalDate date) {
        StringBuilder why = new StringBuilder();
        if (officer.penaltyUntil() != null && !date.isAfter(officer.penaltyUntil())) {
            why.append("under a disciplinary penalty until ").append(officer.penaltyUntil());
        }
        if (officer.probationUntil() != null && !date.isAfter(officer.probationUntil())) {
            if (!why.isEmpty()) {
                why.append(" and ");
            }
            why.append("in probation until ").append(officer.probationUntil());
        }
        return new Violation(OFFICER_NOT_ELIGIBLE, "officers/" + officer.nip(),
                "officer " + officer.nip() + " is not eligible for FWA on " + date + ": " + why);
    }

    private static Violation positionIneligibility(Position position) {
        return new Violation(OFFICER_NOT_ELIGIBLE, "positions/" + position.id(),
                "position " + position.id() + " is not eligible for FWA: only office days at the default start "
                        + position.defaultStart() + " are allowed");
    }

    private static String dayField(PlanDay d, String field) {
        return "days[" + d.dayOfWeek() + "]." + field;
    }
}
