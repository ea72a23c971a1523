package io.jeda.common.names;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NIP rules of DESIGN.md "Identifiers", with "today" pinned to 2026-06-15. */
class NipTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T03:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
            // nip,                    wrong part (NULL = valid)
            "198503152010011001,       NULL",
            "199912312024122999,       NULL",              // female, last sequence
            "200006152018061001,       NULL",              // appointed in the month of the 18th birthday
            "194001012000011001,       NULL",              // earliest birth year
            "200001012026061001,       NULL",              // appointed this month
            "200002292020011001,       NULL",              // leap day
            "'',                       LENGTH",
            "NULL,                     LENGTH",
            "19850315201001100,        LENGTH",            // 17 digits
            "1985031520100110011,      LENGTH",            // 19 digits
            "19850315201001100a,       DIGITS",
            "'19850315 010011001',     DIGITS",
            "198502302010011001,       BIRTH_DATE",        // 30 February
            "199902292020011001,       BIRTH_DATE",        // 29 February of a common year
            "198513012010011001,       BIRTH_DATE",        // month 13
            "198503002010011001,       BIRTH_DATE",        // day 0
            "193912312000011001,       BIRTH_DATE",        // before 1940
            "202701012026011001,       BIRTH_DATE",        // born next year
            "202612012026011001,       BIRTH_DATE",        // born later this year
            "198503152010131001,       APPOINTMENT_MONTH", // month 13
            "198503152010001001,       APPOINTMENT_MONTH", // month 0
            "200006152018051001,       APPOINTMENT_MONTH", // the month before the 18th birthday
            "198503151990011001,       APPOINTMENT_MONTH", // appointed at 4
            "198503152026071001,       APPOINTMENT_MONTH", // next month
            "198503152010013001,       GENDER",
            "198503152010010001,       GENDER",
            "198503152010019001,       GENDER",
            "198503152010011000,       SEQUENCE",
    })
    void validatesEveryPart(String nip, String wrongPart) {
        if (wrongPart == null) {
            Nip.Parsed p = Nip.require(nip, TODAY);
            assertEquals(nip, p.nip());
            return;
        }
        JedaException e = assertThrows(JedaException.class, () -> Nip.require(nip, TODAY));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        assertEquals("INVALID_NIP", e.reason());
        assertEquals(wrongPart, e.metadata().get("part"), e.getMessage());
        assertEquals("nip", e.metadata().get("field"));
        assertTrue(e.getMessage().contains("NIP"), "the message names what is wrong: " + e.getMessage());
    }

    @Test
    void fullWidthDigitsOfTheRightLengthAreNotDigits() {
        String nip = "１９８５０３１５２０１００１１００１".substring(0, 18);
        assertEquals(18, nip.length());
        JedaException e = assertThrows(JedaException.class, () -> Nip.require(nip, TODAY));
        assertEquals("DIGITS", e.metadata().get("part"));
    }

    @Test
    void parsesTheParts() {
        Nip.Parsed p = Nip.require("199912312024122999", TODAY);
        assertEquals(LocalDate.of(1999, 12, 31), p.birthDate());
        assertEquals(YearMonth.of(2024, 12), p.appointmentMonth());
        assertEquals(2, p.gender());
        assertEquals(999, p.sequence());
    }

    @Test
    void theCurrentYearAndMonthFollowTheClock() {
        Clock in2050 = Clock.fixed(Instant.parse("2050-01-01T00:00:00Z"), ZoneOffset.UTC);
        String appointedIn2039 = "200701012039011001";
        assertEquals("APPOINTMENT_MONTH",
                assertThrows(JedaException.class, () -> Nip.require(appointedIn2039, TODAY)).metadata().get("part"));
        assertEquals(appointedIn2039, Nip.require(appointedIn2039, in2050).nip());
        String bornIn2030 = "203001012048011001";
        assertEquals("BIRTH_DATE",
                assertThrows(JedaException.class, () -> Nip.require(bornIn2030, TODAY)).metadata().get("part"));
        assertEquals(bornIn2030, Nip.require(bornIn2030, in2050).nip());
    }

    @Test
    void todayIsTheEasternmostDateOfIndonesia() {
        // 2026-06-30 20:00 UTC is already 1 July in Jayapura: a July appointment is not in the future there.
        Clock lateJune = Clock.fixed(Instant.parse("2026-06-30T20:00:00Z"), ZoneOffset.UTC);
        assertEquals("198503152026071001", Nip.require("198503152026071001", lateJune).nip());
    }
}
