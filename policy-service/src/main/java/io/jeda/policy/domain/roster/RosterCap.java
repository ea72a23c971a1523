package io.jeda.policy.domain.roster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The weekly on-call cap: nobody may be primary on call for more than the cap in any week, a week
 * running from Monday 00:00 to Monday 00:00 in the roster's unit time zone (so the same instants
 * fall into different weeks in WIB and WIT). Pure computation over the slots of a rotation.
 */
public final class RosterCap {

    /** An officer over the cap in a week. */
    public record Excess(String officerNip, LocalDate week, Duration onCall, int capHours) {

        /** Hours as a person reads them: "60" or "57.5". */
        public String hoursText() {
            return BigDecimal.valueOf(onCall.getSeconds()).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
        }
    }

    private RosterCap() {
    }

    /** The Monday (local date) of the week containing t in the zone. */
    public static LocalDate weekOf(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The instant the week of that Monday starts in the zone. */
    public static Instant weekStart(LocalDate monday, ZoneId zone) {
        return monday.atStartOfDay(zone).toInstant();
    }

    /** The Mondays of every week that [from, to) touches. */
    public static TreeSet<LocalDate> weeksTouched(Instant from, Instant to, ZoneId zone) {
        TreeSet<LocalDate> weeks = new TreeSet<>();
        if (!to.isAfter(from)) {
            return weeks;
        }
        LocalDate last = weekOf(to.minusNanos(1), zone);
        for (LocalDate w = weekOf(from, zone); !w.isAfter(last); w = w.plusWeeks(1)) {
            weeks.add(w);
        }
        return weeks;
    }

    /**
     * Checks the weeks touched by the horizon [from, to) and by every override of the rotation that
     * ends after from: the weeks where a change can matter.
     *
     * @return the first excess (earliest week, then most hours, then NIP), or empty when all fit
     */
    public static Optional<Excess> check(RosterRotation rotation, ZoneId zone, int capHours, Instant from, Instant to) {
        TreeSet<LocalDate> weeks = weeksTouched(from, to, zone);
        for (RosterOverride o : rotation.overrides()) {
            if (o.endTime().isAfter(from)) {
                weeks.addAll(weeksTouched(o.startTime(), o.endTime(), zone));
            }
        }
        return firstExcess(rotation, zone, capHours, weeks);
    }

    /** The first excess over the cap in the given weeks. */
    public static Optional<Excess> firstExcess(RosterRotation rotation, ZoneId zone, int capHours,
                                               TreeSet<LocalDate> weeks) {
        if (weeks.isEmpty()) {
            return Optional.empty();
        }
        Duration cap = Duration.ofHours(capHours);
        List<OnCallSlot> slots = rotation.slots(weekStart(weeks.first(), zone), weekStart(weeks.last().plusWeeks(1), zone));
        for (LocalDate week : weeks) {
            Instant ws = weekStart(week, zone);
            Instant we = weekStart(week.plusWeeks(1), zone);
            Map<String, Duration> hours = primaryHours(slots, ws, we);
            List<Excess> over = new ArrayList<>();
            hours.forEach((nip, d) -> {
                if (d.compareTo(cap) > 0) {
                    over.add(new Excess(nip, week, d, capHours));
                }
            });
            if (!over.isEmpty()) {
                over.sort(Comparator.comparing(Excess::onCall).reversed().thenComparing(Excess::officerNip));
                return Optional.of(over.get(0));
            }
        }
        return Optional.empty();
    }

    /** On-call time as primary per officer inside [from, to). */
    public static Map<String, Duration> primaryHours(List<OnCallSlot> slots, Instant from, Instant to) {
        Map<String, Duration> out = new HashMap<>();
        for (OnCallSlot s : slots) {
            Instant a = s.start().isAfter(from) ? s.start() : from;
            Instant b = s.end().isBefore(to) ? s.end() : to;
            if (b.isAfter(a)) {
                out.merge(s.primaryNip(), Duration.between(a, b), Duration::plus);
            }
        }
        return out;
    }
}
