package io.jeda.gateway.app;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How on-call duty of a month was shared, from the rosters' primary slots: hours per officer in the
 * month, per week (Monday 00:00 to Monday 00:00 in the unit's zone, as the roster cap counts them)
 * against the cap, and per roster how evenly the hours fell on its members (max/mean and the Gini
 * coefficient). Pure arithmetic over what was loaded.
 */
public final class OnCallLoad {

    /** One primary slot. */
    public record Slot(String nip, Instant start, Instant end) {
    }

    /** A roster with its members (NIPs, in order), weekly cap and slots around the month. */
    public record RosterSlots(String name, String displayName, int weeklyCapHours, List<String> members,
                              List<Slot> slots) {
    }

    /** An officer's month of on-call duty. */
    public record OfficerLoad(double monthHours, double busiestWeekHours, int weeklyCapHours, int weeksOverCap) {
    }

    /** How a roster's month was spread. */
    public record RosterSpread(String name, String displayName, int weeklyCapHours, double totalHours,
                               double meanHours, double maxHours, double maxToMean, double gini,
                               Map<String, Double> hoursByMember) {
    }

    private OnCallLoad() {
    }

    /** Hours of [start, end) that fall inside [from, to). */
    static double hoursWithin(Instant start, Instant end, Instant from, Instant to) {
        Instant s = start.isBefore(from) ? from : start;
        Instant e = end.isAfter(to) ? to : end;
        return e.isAfter(s) ? Duration.between(s, e).toSeconds() / 3600.0 : 0;
    }

    /** Every officer's load over all rosters; officers on no roster and without slots are absent. */
    public static Map<String, OfficerLoad> officers(List<RosterSlots> rosters, Instant from, Instant to, ZoneId zone) {
        Map<String, Double> month = new HashMap<>();
        Map<String, TreeMap<Instant, Double>> weeks = new HashMap<>();
        Map<String, Integer> caps = new HashMap<>();
        for (RosterSlots r : rosters) {
            for (String m : r.members()) {
                caps.merge(m, r.weeklyCapHours(), Math::min);
            }
            for (Slot s : r.slots()) {
                caps.merge(s.nip(), r.weeklyCapHours(), Math::min);
                month.merge(s.nip(), hoursWithin(s.start(), s.end(), from, to), Double::sum);
                // Split the slot over the weeks it touches.
                Instant weekStart = monday(s.start(), zone);
                while (weekStart.isBefore(s.end())) {
                    Instant weekEnd = weekStart.atZone(zone).plusWeeks(1).toInstant();
                    double h = hoursWithin(s.start(), s.end(), weekStart, weekEnd);
                    if (h > 0 && weekEnd.isAfter(from) && weekStart.isBefore(to)) {
                        weeks.computeIfAbsent(s.nip(), k -> new TreeMap<>()).merge(weekStart, h, Double::sum);
                    }
                    weekStart = weekEnd;
                }
            }
        }
        Map<String, OfficerLoad> out = new LinkedHashMap<>();
        for (String nip : caps.keySet()) {
            Collection<Double> w = weeks.getOrDefault(nip, new TreeMap<>()).values();
            int cap = caps.get(nip);
            double busiest = w.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            int over = (int) w.stream().filter(h -> h > cap + 1e-9).count();
            out.put(nip, new OfficerLoad(round(month.getOrDefault(nip, 0.0)), round(busiest), cap, over));
        }
        return out;
    }

    /** How each roster's hours of [from, to) fell on its members (every member counts, with or without turns). */
    public static List<RosterSpread> spread(List<RosterSlots> rosters, Instant from, Instant to) {
        List<RosterSpread> out = new ArrayList<>();
        for (RosterSlots r : rosters) {
            Map<String, Double> hours = new LinkedHashMap<>();
            r.members().forEach(m -> hours.put(m, 0.0));
            for (Slot s : r.slots()) {
                hours.merge(s.nip(), hoursWithin(s.start(), s.end(), from, to), Double::sum);
            }
            double[] x = hours.values().stream().mapToDouble(Double::doubleValue).toArray();
            double total = 0;
            double max = 0;
            for (double v : x) {
                total += v;
                max = Math.max(max, v);
            }
            double mean = x.length == 0 ? 0 : total / x.length;
            Map<String, Double> rounded = new LinkedHashMap<>();
            hours.forEach((k, v) -> rounded.put(k, round(v)));
            out.add(new RosterSpread(r.name(), r.displayName(), r.weeklyCapHours(), round(total), round(mean),
                    round(max), mean == 0 ? 0 : round(max / mean), round(gini(x)), rounded));
        }
        return out;
    }

    /**
     * The Gini coefficient: the mean absolute difference between every two members' hours, over twice
     * the mean. 0 when everyone carried the same, (n-1)/n when one member carried everything.
     */
    public static double gini(double[] x) {
        int n = x.length;
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        if (n == 0 || sum == 0) {
            return 0;
        }
        double diff = 0;
        for (double a : x) {
            for (double b : x) {
                diff += Math.abs(a - b);
            }
        }
        return diff / (2.0 * n * sum);
    }

    static Instant monday(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(zone).toInstant();
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
