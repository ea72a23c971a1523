package io.jeda.policy.domain.organisation;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.policy.domain.PolicySettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules every stored position obeys, without a database. */
class PositionRulesTest {

    private static final PolicySettings S = PolicySettings.defaults();

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", value = {
            // case,                 remote, window,        core,          daily, weekly, break, friday, reason
            "national defaults,      2,  07:00-09:00, 09:00-15:00, 450,  2250, 60, 90, NULL",
            "no remote days,         0,  07:00-09:00, 09:00-15:00, 450,  2250, 60, 90, NULL",
            "every day remote,       7,  07:00-09:00, 09:00-15:00, 450,  2250, 60, 90, NULL",
            "eight remote days,      8,  07:00-09:00, 09:00-15:00, 450,  2250, 60, 90, INVALID_MAX_REMOTE_DAYS",
            "negative remote days,   -1, 07:00-09:00, 09:00-15:00, 450,  2250, 60, 90, INVALID_MAX_REMOTE_DAYS",
            "one-instant window,     2,  08:00-08:00, 09:00-15:00, 450,  2250, 60, 90, NULL",
            "window backwards,       2,  09:00-07:00, 09:00-15:00, 450,  2250, 60, 90, INVALID_START_WINDOW",
            "core hours empty,       2,  07:00-09:00, 12:00-12:00, 450,  2250, 60, 90, INVALID_CORE_HOURS",
            "core hours backwards,   2,  07:00-09:00, 15:00-09:00, 450,  2250, 60, 90, INVALID_CORE_HOURS",
            "no daily work,          2,  07:00-09:00, 09:00-15:00, 0,    2250, 60, 90, INVALID_WORK_MINUTES",
            "a whole day of work,    2,  07:00-09:00, 09:00-15:00, 1440, 2250, 0,  0,  NULL",
            "more than a day,        2,  07:00-09:00, 09:00-15:00, 1441, 2250, 0,  0,  INVALID_WORK_MINUTES",
            "week shorter than day,  2,  07:00-09:00, 09:00-15:00, 450,  449,  60, 90, INVALID_WORK_MINUTES",
            "week longer than week,  2,  07:00-09:00, 09:00-15:00, 450,  10081, 60, 90, INVALID_WORK_MINUTES",
            "negative break,         2,  07:00-09:00, 09:00-15:00, 450,  2250, -1, 90, INVALID_WORK_MINUTES",
            "break overflows day,    2,  07:00-09:00, 09:00-15:00, 1000, 2250, 441, 90, INVALID_WORK_MINUTES",
            "friday break overflows, 2,  07:00-09:00, 09:00-15:00, 1000, 2250, 60, 441, INVALID_WORK_MINUTES",
    })
    void refusesSettingsNoOfficerCouldMeet(String name, int remote, String window, String core, int daily, int weekly,
                                           int brk, int friday, String reason) {
        String[] w = window.split("-");
        String[] c = core.split("-");
        Position p = new Position("p", "Analis", true, "OFFICE", remote, FlexiTimeKind.WINDOW, S.defaultStart(),
                LocalTime.parse(w[0]), LocalTime.parse(w[1]), weekly, daily, brk, friday,
                LocalTime.parse(c[0]), LocalTime.parse(c[1]), null, null);
        if (reason == null) {
            assertEquals("Analis", PositionRules.check(p).displayName());
            return;
        }
        JedaException e = assertThrows(JedaException.class, () -> PositionRules.check(p));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        assertEquals(reason, e.reason(), e.getMessage());
    }
}
