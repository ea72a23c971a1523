package io.jeda.policy.domain.changes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How far each admin change reaches in the change feed, and so what the caches drop. */
class ChangeScopeTest {

    @ParameterizedTest(name = "{0} {1} (unit {2}) -> {3}")
    @CsvSource({
            "UpdateOfficer, officers/199001012015011002, true, OFFICER, 199001012015011002",
            "CreateAbsence, officers/199001012015011002/absences/a1, true, OFFICER, 199001012015011002",
            "DeleteAbsence, officers/199001012015011002/absences/a1, true, OFFICER, 199001012015011002",
            "ImportOfficers, officers, true, ALL, ",
            "CreateRoster, rosters/piket, true, UNIT, ",
            "CreateRosterOverride, rosters/piket/overrides/o1, true, UNIT, ",
            "CreateCalendarDay, calendarDays/d1, true, UNIT, ",
            "CreateCalendarDay, calendarDays/d1, false, ALL, ",
            "CreateUnit, units/biro, true, UNIT, ",
            "UpdateUnit, units/biro, true, ALL, ",
            "UpdatePosition, positions/analis, false, ALL, ",
            "CreateRamadanPeriod, ramadanPeriods/r1, false, ALL, "
    })
    void adminChangesReachAsFarAsTheyMatter(String action, String resource, boolean hasUnit, ChangeScope expected,
                                            String officer) {
        ChangeScope scope = ChangeScope.ofAdminChange(action, resource, hasUnit);
        assertEquals(expected, scope);
        if (scope == ChangeScope.OFFICER) {
            assertEquals(officer, ChangeScope.officerOf(resource));
        }
    }
}
