package io.jeda.gateway.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar (RFC 5545) document: CRLF line ends, lines folded at 75 octets, TEXT values
 * escaped, and one VTIMEZONE for the unit's zone so that event times carry {@code TZID} and stay in
 * WIB, WITA or WIT on every device. Indonesia has no daylight saving time, so the zone's one
 * STANDARD observance with its fixed offset describes it exactly.
 */
public final class ICalendarWriter {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();
    private final ZoneId zone;
    private final String stamp;

    /**
     * @param name  the calendar's name (X-WR-CALNAME, shown by calendar apps)
     * @param zone  the unit's zone; event times are written in it
     * @param abbreviation the zone's name for people (WIB, WITA, WIT)
     * @param now   DTSTAMP of every event
     */
    public ICalendarWriter(String name, ZoneId zone, String abbreviation, Instant now) {
        this.zone = zone;
        this.stamp = UTC.format(now);
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Jeda//Kalender kerja ASN//ID");
        line("CALSCALE:GREGORIAN");
        line("X-WR-CALNAME:" + text(name));
        line("X-WR-TIMEZONE:" + zone.getId());
        line("BEGIN:VTIMEZONE");
        line("TZID:" + zone.getId());
        line("BEGIN:STANDARD");
        String offset = offset(zone.getRules().getOffset(now));
        line("DTSTART:19700101T000000");
        line("TZOFFSETFROM:" + offset);
        line("TZOFFSETTO:" + offset);
        line("TZNAME:" + text(abbreviation));
        line("END:STANDARD");
        line("END:VTIMEZONE");
    }

    /** One event from {@code start} to {@code end}, written in the unit's zone. */
    public ICalendarWriter event(String uid, Instant start, Instant end, String summary, String location,
                                 String description, String categories) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + stamp);
        line("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(start.atZone(zone)));
        line("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(end.atZone(zone)));
        line("SUMMARY:" + text(summary));
        if (location != null && !location.isBlank()) {
            line("LOCATION:" + text(location));
        }
        if (description != null && !description.isBlank()) {
            line("DESCRIPTION:" + text(description));
        }
        if (categories != null && !categories.isBlank()) {
            line("CATEGORIES:" + text(categories));
        }
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
        return this;
    }

    /** The whole document. */
    public String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    private static String offset(ZoneOffset o) {
        int s = o.getTotalSeconds();
        String sign = s < 0 ? "-" : "+";
        s = Math.abs(s);
        return String.format("%s%02d%02d", sign, s / 3600, (s % 3600) / 60);
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and newline escaped. */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** RFC 5545 3.1: lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 character. */
    private void line(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            out.append(content).append("\r\n");
            return;
        }
        int limit = 75;
        int octets = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int n = ch.getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > limit) {
                out.append(current).append("\r\n ");
                current.setLength(0);
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }
            current.append(ch);
            octets += n;
            i += Character.charCount(cp);
        }
        out.append(current).append("\r\n");
    }
}
