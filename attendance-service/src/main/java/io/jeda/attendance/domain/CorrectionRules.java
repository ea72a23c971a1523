package io.jeda.attendance.domain;

import io.jeda.common.error.JedaException;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;

/**
 * The rules an officer's correction request must meet before it is stored: which dates may be
 * corrected (not after today, not older than the window), that it changes something, that its
 * times are not in the future and make a day (check-out after check-in), and that a reason is
 * given. Pure: the caller loads the day's recorded check-ins first.
 */
public final class CorrectionRules {

    /** The most characters a reason may have. */
    public static final int MAX_REASON = 500;

    private CorrectionRules() {
    }

    /** What an officer asks for, before it is checked. */
    public record Ask(LocalDate date, @Nullable LocalTime checkIn, @Nullable LocalTime checkOut,
                      @Nullable AttendanceMode mode, String reason) {

        /** SHA-256 (hex) of the content, to tell a retry from a request id used again for another ask. */
        public String fingerprint() {
            String text = date + "|" + checkIn + "|" + checkOut + "|" + mode + "|" + reason.strip();
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Checks the ask against today's date in the officer's zone, the window and the day's recorded
     * check-ins (their times of record, oldest first).
     *
     * @throws JedaException INVALID_ARGUMENT or FAILED_PRECONDITION with the reasons the API documents
     */
    public static void check(Ask ask, ZoneId zone, Instant now, Duration window, List<Instant> recordedCheckIns) {
        requireLength(ask.reason(), "correction.reason", true);
        if (ask.checkIn() == null && ask.checkOut() == null && ask.mode() == null) {
            throw JedaException.invalidArgument("NOTHING_TO_CORRECT",
                    "a correction names a check-in time, a check-out time or a mode", "field", "correction");
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        if (ask.date().isAfter(today)) {
            throw JedaException.invalidArgument("DATE_IN_FUTURE", "a day that has not come yet cannot be corrected",
                    "date", ask.date().toString(), "today", today.toString(), "timeZone", zone.getId());
        }
        long days = window.toDays();
        LocalDate oldest = today.minusDays(days);
        if (ask.date().isBefore(oldest)) {
            throw JedaException.invalidArgument("CORRECTION_WINDOW_PASSED",
                    "days older than " + days + " days can no longer be corrected",
                    "date", ask.date().toString(), "oldestDate", oldest.toString(), "windowDays", String.valueOf(days));
        }
        checkNotFuture(ask.date(), ask.checkIn(), zone, now, "correction.check_in_time");
        checkNotFuture(ask.date(), ask.checkOut(), zone, now, "correction.check_out_time");
        if (ask.checkIn() == null && recordedCheckIns.isEmpty()) {
            throw JedaException.invalidArgument("CHECK_IN_TIME_REQUIRED",
                    "the day has no check-in on record: say when you checked in", "field", "correction.check_in_time",
                    "date", ask.date().toString());
        }
        if (ask.checkOut() != null) {
            Instant in = ask.checkIn() != null ? at(ask.date(), ask.checkIn(), zone) : recordedCheckIns.get(0);
            Instant out = at(ask.date(), ask.checkOut(), zone);
            if (!out.isAfter(in)) {
                throw JedaException.invalidArgument("CHECK_OUT_BEFORE_CHECK_IN",
                        "the check-out must be later than the check-in", "field", "correction.check_out_time",
                        "checkIn", in.atZone(zone).toLocalTime().toString(), "checkOut", ask.checkOut().toString());
            }
        }
    }

    static void requireLength(@Nullable String text, String field, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw JedaException.invalidArgument("REASON_REQUIRED", "a reason is required", "field", field);
            }
            return;
        }
        if (text.strip().codePointCount(0, text.strip().length()) > MAX_REASON) {
            throw JedaException.invalidArgument("REASON_TOO_LONG",
                    "a reason has at most " + MAX_REASON + " characters", "field", field,
                    "max", String.valueOf(MAX_REASON));
        }
    }

    private static void checkNotFuture(LocalDate date, @Nullable LocalTime time, ZoneId zone, Instant now,
                                       String field) {
        if (time != null && at(date, time, zone).isAfter(now)) {
            throw JedaException.invalidArgument("TIME_IN_FUTURE", "a corrected time cannot be later than now",
                    "field", field, "time", time.toString());
        }
    }

    /** A local date and time of day in the zone, as an instant. */
    public static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return date.atTime(time).atZone(zone).toInstant();
    }
}
