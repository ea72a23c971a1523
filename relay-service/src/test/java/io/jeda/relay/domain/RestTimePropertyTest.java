package io.jeda.relay.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The rest-time property: over many random working schedules, rest situations and instants, no
 * ROUTINE message is planned for delivery outside the officer's working hours or inside the
 * minimum rest after late work, and it never goes to someone else. The reachability answers come
 * from a small pure model of the working window (the engine's rules in miniature), so the property
 * checks what {@link Dispatch} does with them: a rule that delivered "now" while not reachable, took
 * the respond-by time, or handed ROUTINE work to the on-call officer would fail here.
 */
class RestTimePropertyTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Jakarta"), ZoneId.of("Asia/Makassar"),
            ZoneId.of("Asia/Jayapura"));
    private static final Instant EPOCH = Instant.parse("2026-11-30T00:00:00Z");

    /** An officer's working window: working days, daily hours, and the rest owed after their last work. */
    record Window(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end, Instant lastWorkEnd,
                  Duration minRest) {

        boolean routineAllowed(Instant t) {
            ZonedDateTime local = t.atZone(zone);
            LocalTime time = local.toLocalTime();
            return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end)
                    && !t.isBefore(lastWorkEnd.plus(minRest));
        }

        /** The first instant from t on that ROUTINE may reach the officer, scanning two weeks. */
        Instant nextAllowed(Instant t) {
            if (routineAllowed(t)) {
                return t;
            }
            LocalDate date = t.atZone(zone).toLocalDate();
            for (int d = 0; d < 15; d++) {
                LocalDate day = date.plusDays(d);
                if (!days.contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant open = day.atTime(start).atZone(zone).toInstant();
                Instant close = day.atTime(end).atZone(zone).toInstant();
                Instant candidate = max(max(open, lastWorkEnd.plus(minRest)), t);
                if (candidate.isBefore(close)) {
                    return candidate;
                }
            }
            return null;
        }

        Reachability answer(String nip, Instant now, Reachability instead) {
            boolean ok = routineAllowed(now);
            return new Reachability(nip, ok, ok ? null : nextAllowed(now), now.plus(Duration.ofDays(1)),
                    ok ? null : instead, List.of(), zone.getId());
        }
    }

    @Test
    void noRoutineDeliveryIsPlannedOutsideWorkingHoursOrInsideTheMinimumRest() {
        Random random = new Random(20261203L);
        int planned = 0;
        for (int i = 0; i < 20_000; i++) {
            Window w = randomWindow(random);
            Instant now = EPOCH.plusSeconds(random.nextInt(21 * 24 * 3600));
            Reachability onCall = new Reachability("199001012015032002", true, null, now, null, List.of(), "");
            Reachability answer = w.answer("198503152010011001", now, random.nextBoolean() ? onCall : null);
            DeliveryPlan plan = Dispatch.plan("198503152010011001", Urgency.ROUTINE, Optional.of(answer), Optional.empty(), now, 3);
            if (plan.deliverAt() == null) {
                continue; // held as degraded: nothing is delivered until the engine names a time
            }
            planned++;
            if (!w.routineAllowed(plan.deliverAt())) {
                fail("case " + i + ": ROUTINE planned at " + plan.deliverAt().atZone(w.zone()) + " for " + w
                        + " asked at " + now.atZone(w.zone()));
            }
            assertTrue(!plan.deliverAt().isBefore(now), "never in the past");
            assertEquals("198503152010011001", plan.handler(), "ROUTINE waits for its recipient");
        }
        assertTrue(planned > 15_000, "most cases planned a delivery: " + planned);
    }

    @Test
    void theModelCanSayNo() {
        // Guards the property against a model that allows everything.
        Window w = new Window(ZoneId.of("Asia/Jakarta"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(7, 30), LocalTime.of(16, 0), Instant.parse("2026-12-01T14:00:00Z"), Duration.ofHours(11));
        Instant tuesdayNight = Instant.parse("2026-12-01T15:00:00Z"); // 22:00 WIB
        Instant wednesdayEarly = Instant.parse("2026-12-02T00:30:00Z"); // 07:30 WIB, rest until 08:00 WIB
        assertTrue(!w.routineAllowed(tuesdayNight));
        assertTrue(!w.routineAllowed(wednesdayEarly), "inside the minimum rest");
        assertEquals(Instant.parse("2026-12-02T01:00:00Z"), w.nextAllowed(tuesdayNight), "08:00 WIB, when the rest ends");
    }

    private static Window randomWindow(Random r) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (r.nextInt(10) < (d.getValue() <= 5 ? 9 : 2)) {
                days.add(d);
            }
        }
        if (days.isEmpty()) {
            days.add(DayOfWeek.MONDAY);
        }
        LocalTime start = LocalTime.of(6, 0).plusMinutes(15L * r.nextInt(17));
        LocalTime end = start.plusMinutes(6 * 60 + 15L * r.nextInt(13));
        Instant lastWorkEnd = EPOCH.plusSeconds(r.nextInt(21 * 24 * 3600));
        Duration rest = Duration.ofHours(8 + r.nextInt(5));
        return new Window(ZONES.get(r.nextInt(ZONES.size())), days, start, end, lastWorkEnd, rest);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
