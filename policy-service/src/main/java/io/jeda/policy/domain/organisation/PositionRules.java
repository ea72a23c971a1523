package io.jeda.policy.domain.organisation;

import io.jeda.common.error.JedaException;

import java.time.Duration;

/**
 * The rules every stored position obeys, whether it is created or updated, as pure functions so
 * that they are unit-tested without a database.
 */
public final class PositionRules {

    private static final int MINUTES_PER_DAY = (int) Duration.ofDays(1).toMinutes();
    private static final int DAYS_PER_WEEK = 7;

    private PositionRules() {
    }

    /** @throws JedaException INVALID_ARGUMENT naming the first field that breaks a rule */
    public static Position check(Position p) {
        String name = UnitRules.requireDisplayName(p.displayName(), "position.display_name");
        if (p.maxRemoteDaysPerWeek() < 0 || p.maxRemoteDaysPerWeek() > DAYS_PER_WEEK) {
            throw JedaException.invalidArgument("INVALID_MAX_REMOTE_DAYS", "max_remote_days_per_week must be 0 to "
                    + DAYS_PER_WEEK + ", got " + p.maxRemoteDaysPerWeek(), "field", "position.max_remote_days_per_week");
        }
        if (p.startWindowBegin().isAfter(p.startWindowEnd())) {
            throw JedaException.invalidArgument("INVALID_START_WINDOW", "start_window_begin " + p.startWindowBegin()
                    + " is after start_window_end " + p.startWindowEnd(), "field", "position.start_window_begin");
        }
        if (!p.coreStart().isBefore(p.coreEnd())) {
            throw JedaException.invalidArgument("INVALID_CORE_HOURS", "core_start " + p.coreStart()
                    + " must be before core_end " + p.coreEnd(), "field", "position.core_start");
        }
        minutes("position.daily_work_minutes", p.dailyWorkMinutes(), 1, MINUTES_PER_DAY);
        minutes("position.weekly_work_minutes", p.weeklyWorkMinutes(), p.dailyWorkMinutes(),
                MINUTES_PER_DAY * DAYS_PER_WEEK);
        minutes("position.break_minutes", p.breakMinutes(), 0, MINUTES_PER_DAY - p.dailyWorkMinutes());
        minutes("position.friday_break_minutes", p.fridayBreakMinutes(), 0, MINUTES_PER_DAY - p.dailyWorkMinutes());
        return new Position(p.id(), name, p.fwaEligible(), p.allowedPlaces(), p.maxRemoteDaysPerWeek(),
                p.flexiTime(), p.defaultStart(), p.startWindowBegin(), p.startWindowEnd(), p.weeklyWorkMinutes(),
                p.dailyWorkMinutes(), p.breakMinutes(), p.fridayBreakMinutes(), p.coreStart(), p.coreEnd(),
                p.createdAt(), p.updatedAt());
    }

    private static void minutes(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw JedaException.invalidArgument("INVALID_WORK_MINUTES", field + " must be between " + min + " and "
                    + max + " minutes, got " + value, "field", field, "value", String.valueOf(value));
        }
    }
}
