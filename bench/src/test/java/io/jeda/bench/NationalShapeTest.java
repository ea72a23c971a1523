package io.jeda.bench;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated dataset's shape: what the services and the benchmarks rely on. */
class NationalShapeTest {

    private static final NationalShape SHAPE = new NationalShape(200_000, 15);

    @Test
    void nipsFollowTheNipRuleAndGrowWithTheIndex() {
        YearMonth now = YearMonth.now();
        String previous = "";
        for (long i = 0; i < SHAPE.officers; i++) {
            String nip = SHAPE.nip(i);
            assertEquals(18, nip.length(), nip);
            assertTrue(nip.chars().allMatch(Character::isDigit), nip);
            LocalDate birth = LocalDate.of(Integer.parseInt(nip.substring(0, 4)), Integer.parseInt(nip.substring(4, 6)),
                    Integer.parseInt(nip.substring(6, 8)));
            assertTrue(birth.getYear() >= 1940, nip);
            YearMonth appointment = YearMonth.of(Integer.parseInt(nip.substring(8, 12)),
                    Integer.parseInt(nip.substring(12, 14)));
            assertTrue(!appointment.isBefore(YearMonth.from(birth.plusYears(18))), "appointed before 18: " + nip);
            assertTrue(!appointment.isAfter(now), "appointed in the future: " + nip);
            assertTrue(nip.charAt(14) == '1' || nip.charAt(14) == '2', nip);
            assertTrue(Integer.parseInt(nip.substring(15)) >= 1, nip);
            assertTrue(nip.compareTo(previous) > 0, "not increasing at " + i + ": " + previous + " then " + nip);
            previous = nip;
        }
    }

    @Test
    void nationalUnitsInThreeTimeZonesEachWithAHeadManagingItsOfficers() {
        assertEquals(38 * 16, SHAPE.units.size());
        Set<String> zones = SHAPE.units.stream().map(u -> u.province().zone()).collect(Collectors.toSet());
        assertEquals(Set.of("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"), zones);
        long covered = 0;
        for (NationalShape.GenUnit u : SHAPE.units) {
            assertTrue(u.end() - u.first() >= 4, u.id());
            covered += u.end() - u.first();
            String head = SHAPE.nip(u.first());
            assertEquals("kepala-unit", SHAPE.positionOf(u.first()).id());
            assertEquals(head, SHAPE.managerOf(u.end() - 1));
            assertEquals(u, SHAPE.unitOf(u.end() - 1));
            if (u.parentId() == null) {
                assertNull(SHAPE.managerOf(u.first()));
            } else {
                assertEquals(SHAPE.nip(SHAPE.units.get(u.provinceHeadUnit()).first()), SHAPE.managerOf(u.first()));
            }
        }
        assertEquals(SHAPE.officers, covered);
        // Java holds most officers, as it holds most people.
        long java = SHAPE.units.stream().filter(u -> u.province().code().startsWith("3"))
                .mapToLong(u -> u.end() - u.first()).sum();
        assertTrue(java > SHAPE.officers / 2, "Java: " + java);
    }

    @Test
    void aboutAThirdHavePlansAndOnlyOnEligiblePositions() {
        long plans = 0;
        Map<String, Long> byPosition = new HashMap<>();
        for (long i = 0; i < SHAPE.officers; i++) {
            if (SHAPE.hasPlan(i)) {
                plans++;
                NationalShape.GenPosition p = SHAPE.positionOf(i);
                assertTrue(p.eligible(), p.id());
                assertTrue(!NationalShape.inProbation(i) && !NationalShape.underPenalty(i));
                byPosition.merge(p.id(), 1L, Long::sum);
            }
        }
        assertTrue(plans > SHAPE.officers * 0.29 && plans < SHAPE.officers * 0.34, "plans: " + plans);
        assertNotNull(byPosition.get("perawat"));
        assertNotNull(byPosition.get("analis-kebijakan"));
    }

    @Test
    void plansKeepToTheirPositionsPlacesRemoteDaysAndStartWindow() {
        for (long i = 0; i < 30_000; i++) {
            if (!SHAPE.hasPlan(i)) {
                continue;
            }
            NationalShape.GenPosition p = SHAPE.positionOf(i);
            NationalGenerator.Day[] days = NationalGenerator.planDays(SHAPE, i);
            Set<String> allowed = Set.of(p.places().split(","));
            int remote = 0;
            int working = 0;
            for (NationalGenerator.Day d : days) {
                if (d == null) {
                    continue;
                }
                working++;
                assertTrue(allowed.contains(d.place()), p.id() + " " + d);
                remote += "OFFICE".equals(d.place()) ? 0 : 1;
                if (!"SHIFT".equals(p.flexi())) {
                    assertTrue(!d.start().isBefore(java.time.LocalTime.of(7, 0))
                            && !d.start().isAfter(java.time.LocalTime.of(9, 0)), d.toString());
                }
            }
            assertEquals(5, working, p.id());
            assertTrue(remote <= p.maxRemote(), p.id() + " remote " + remote);
            String encoded = NationalGenerator.encode(days);
            assertTrue(encoded.matches("([A-Z]+:[A-Z_]+:\\d\\d:\\d\\d,?){5}"), encoded);
        }
    }
}
