package io.jeda.attendance.domain;

/**
 * One officer's month as far as rest and hours go.
 *
 * @param workedMinutes       minutes worked, net of break allowances (as the monthly recap counts them)
 * @param dueMinutes          minutes the effective schedule asked for
 * @param lateCheckOuts       working days whose last own check-out came after the planned end plus the grace
 * @param shortRests          check-ins that came less than the minimum rest after an earlier day's check-out
 * @param shortestRestMinutes the shortest rest between two worked days; 0 when none could be measured
 */
public record OfficerWellbeing(String nip, int workedMinutes, int dueMinutes, int lateCheckOuts, int shortRests,
                               int shortestRestMinutes) {
}
