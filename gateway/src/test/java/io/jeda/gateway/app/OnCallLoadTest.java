package io.jeda.gateway.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The evenness figures of on-call load and the weekly cap, without a server. */
class OnCallLoadTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Instant MONDAY = Instant.parse("2026-10-04T17:00:00Z"); // 5 October 00:00 WIB

    @Test
    void giniIsZeroWhenEvenAndNMinusOneOverNWhenOnePersonCarriesAll() {
        assertEquals(0.0, OnCallLoad.gini(new double[]{40, 40, 40, 40}));
        assertEquals(0.75, OnCallLoad.gini(new double[]{160, 0, 0, 0}), 1e-9);
        assertEquals(0.0, OnCallLoad.gini(new double[]{0, 0}), "no duty at all is not uneven");
        assertEquals(0.0, OnCallLoad.gini(new double[]{}));
    }

    @Test
    void aSlotAcrossMidnightOfSundayCountsInBothWeeksAndOnlyItsPartInTheMonth() {
        Instant sunday18 = MONDAY.plus(Duration.ofDays(6)).plus(Duration.ofHours(18));
        OnCallLoad.RosterSlots r = new OnCallLoad.RosterSlots("rosters/r", "R", 10, List.of("a", "b"),
                List.of(new OnCallLoad.Slot("a", sunday18, sunday18.plus(Duration.ofHours(12)))));
        // The month ends on Monday 12 October 02:00 WIB for this test.
        Instant to = MONDAY.plus(Duration.ofDays(7)).plus(Duration.ofHours(2));
        Map<String, OnCallLoad.OfficerLoad> loads = OnCallLoad.officers(List.of(r), MONDAY, to, WIB);
        assertEquals(8.0, loads.get("a").monthHours(), "18:00 Sunday to 02:00 Monday");
        assertEquals(6.0, loads.get("a").busiestWeekHours(), "6 h Sunday, 6 h the next Monday");
        assertEquals(0, loads.get("a").weeksOverCap());
        assertEquals(10, loads.get("b").weeklyCapHours(), "a member without turns has the roster's cap");
        OnCallLoad.RosterSpread s = OnCallLoad.spread(List.of(r), MONDAY, to).get(0);
        assertEquals(2.0, s.maxToMean());
        assertEquals(0.5, s.gini());
    }
}
