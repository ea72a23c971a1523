package io.jeda.common.names;

import io.jeda.common.error.JedaException;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Validates a NIP (Nomor Induk Pegawai) as DESIGN.md "Identifiers" defines it, so that an
 * impossible NIP is refused at the door with the part that is wrong named: policy-service refuses it
 * before it becomes an officer nobody can ever match again, and the gateway refuses a question about
 * it (400 INVALID_NIP) instead of answering "no such officer".
 * <p>
 * Layout: {@code YYYYMMDD} birth date, {@code YYYYMM} appointment (TMT CPNS) month, one gender digit
 * (1 or 2), three-digit sequence 001-999.
 */
public final class Nip {

    /** Number of characters of a NIP. */
    public static final int LENGTH = 18;
    /** Earliest birth year of a serving officer; older NIPs belong to nobody who can still work. */
    public static final int MIN_BIRTH_YEAR = 1940;
    /** The legal minimum age of a CPNS appointment. */
    public static final int MIN_APPOINTMENT_AGE = 18;
    /** "Today" is the easternmost local date of Indonesia, so no valid NIP is refused near midnight. */
    private static final ZoneId EASTERNMOST = ZoneId.of("Asia/Jayapura");

    /** The part of a NIP that a validation failure names in its metadata. */
    public enum Part {
        LENGTH, DIGITS, BIRTH_DATE, APPOINTMENT_MONTH, GENDER, SEQUENCE
    }

    /**
     * The parts of a valid NIP.
     *
     * @param gender 1 (male) or 2 (female)
     */
    public record Parsed(String nip, LocalDate birthDate, YearMonth appointmentMonth, int gender, int sequence) {
    }

    private Nip() {
    }

    /**
     * @param clock decides the current year and month (birth year upper bound, appointment not in the future)
     * @throws JedaException INVALID_ARGUMENT, reason INVALID_NIP, metadata "part" naming the wrong part
     */
    public static Parsed require(String nip, Clock clock) {
        if (nip == null || nip.length() != LENGTH) {
            throw invalid(Part.LENGTH, "NIP must be exactly " + LENGTH + " digits, got "
                    + (nip == null ? 0 : nip.length()) + " characters");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = nip.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(Part.DIGITS, "NIP must contain only digits 0-9; character " + (i + 1) + " is not");
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(EASTERNMOST));
        int year = Integer.parseInt(nip.substring(0, 4));
        int month = Integer.parseInt(nip.substring(4, 6));
        int day = Integer.parseInt(nip.substring(6, 8));
        LocalDate birth;
        try {
            birth = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw invalid(Part.BIRTH_DATE, "NIP birth date " + nip.substring(0, 8) + " (YYYYMMDD) is not a real date");
        }
        if (year < MIN_BIRTH_YEAR || year > today.getYear() || birth.isAfter(today)) {
            throw invalid(Part.BIRTH_DATE, "NIP birth date " + birth + " must lie between " + MIN_BIRTH_YEAR
                    + "-01-01 and today");
        }
        int apYear = Integer.parseInt(nip.substring(8, 12));
        int apMonth = Integer.parseInt(nip.substring(12, 14));
        if (apMonth < 1 || apMonth > 12) {
            throw invalid(Part.APPOINTMENT_MONTH, "NIP appointment month " + nip.substring(8, 14)
                    + " (YYYYMM) is not a real month");
        }
        YearMonth appointment = YearMonth.of(apYear, apMonth);
        // Appointment is by month (TMT is the first of a month); the month of the 18th birthday counts.
        YearMonth adult = YearMonth.from(birth.plusYears(MIN_APPOINTMENT_AGE));
        if (appointment.isBefore(adult)) {
            throw invalid(Part.APPOINTMENT_MONTH, "NIP appointment month " + appointment
                    + " is before the officer turned " + MIN_APPOINTMENT_AGE + " (" + adult + ")");
        }
        if (appointment.isAfter(YearMonth.from(today))) {
            throw invalid(Part.APPOINTMENT_MONTH, "NIP appointment month " + appointment + " is in the future");
        }
        int gender = nip.charAt(14) - '0';
        if (gender != 1 && gender != 2) {
            throw invalid(Part.GENDER, "NIP gender digit (15th) must be 1 or 2, got " + gender);
        }
        int sequence = Integer.parseInt(nip.substring(15));
        if (sequence < 1) {
            throw invalid(Part.SEQUENCE, "NIP sequence (last three digits) must be 001-999, got 000");
        }
        return new Parsed(nip, birth, appointment, gender, sequence);
    }

    private static JedaException invalid(Part part, String message) {
        return JedaException.invalidArgument("INVALID_NIP", message, "field", "nip", "part", part.name());
    }
}
