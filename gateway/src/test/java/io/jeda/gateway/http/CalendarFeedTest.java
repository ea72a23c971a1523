package io.jeda.gateway.http;

import com.google.protobuf.Struct;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calendar feeds at secret URLs, read back with ical4j (a strict RFC 5545 parser, validating): an
 * officer's working days with place and hours and their on-call shifts, a roster's slots, all in the
 * unit's zone (TZID with a VTIMEZONE of WIB); a new URL revokes the old one, and a revoked URL is 404.
 */
class CalendarFeedTest extends PeopleTestBase {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @BeforeAll
    static void noTimeZoneDownloads() {
        // The feed carries its own VTIMEZONE; the parser must never fetch zone data from the internet.
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    private String feedPath(String token, String uri) {
        Answer a = post(uri, token, "");
        assertEquals(200, a.status(), a.body());
        Struct s = a.json();
        String path = s.getFieldsOrThrow("path").getStringValue();
        assertTrue(path.matches("/calendar/[A-Za-z0-9_-]{43}\\.ics"), path);
        assertTrue(s.getFieldsOrThrow("url").getStringValue().endsWith(path));
        return path;
    }

    private static Calendar parse(String ics) throws Exception {
        Calendar c = new CalendarBuilder().build(new StringReader(ics));
        c.validate();
        return c;
    }

    private static LocalDateTime local(VEvent e, String property) {
        net.fortuna.ical4j.model.property.DateProperty p = (net.fortuna.ical4j.model.property.DateProperty) e.getProperty(property);
        assertEquals("Asia/Jakarta", p.getParameter("TZID").getValue(), "times in the unit's zone: " + p);
        return LocalDateTime.ofInstant(p.getDate().toInstant(), WIB);
    }

    @Test
    void anOfficersFeedHasWorkingDaysWithPlaceAndHoursAndOnCallShiftsInWib() throws Exception {
        // Budi works Monday to Friday 07:30-16:00 WIB at the office and is on call every night.
        String path = feedPath(MANAGER_TOKEN, "/v1/me/calendar-feed");
        Answer feed = get(path, null);

        assertEquals(200, feed.status(), feed.body());
        assertTrue(feed.contentType().startsWith("text/calendar"), feed.contentType());
        assertTrue(feed.body().contains("\r\n") && feed.body().lines().allMatch(l -> l.length() <= 75));
        Calendar cal = parse(feed.body());
        VTimeZone tz = (VTimeZone) cal.getComponent(Component.VTIMEZONE);
        assertEquals("Asia/Jakarta", tz.getTimeZoneId().getValue());
        assertTrue(tz.getObservances().get(0).getProperty(Property.TZOFFSETTO).getValue().equals("+0700"));
        assertEquals("WIB", tz.getObservances().get(0).getProperty(Property.TZNAME).getValue());

        List<VEvent> events = cal.getComponents(Component.VEVENT);
        List<VEvent> work = events.stream().filter(e -> e.getSummary().getValue().equals("Kerja di kantor")).toList();
        // 2026-11-18 .. 2027-01-20 (a week back, eight weeks on): weekdays only.
        assertTrue(work.size() >= 40, "working days: " + work.size());
        VEvent today = work.stream().filter(e -> local(e, Property.DTSTART).toLocalDate().toString().equals("2026-11-25"))
                .findFirst().orElseThrow();
        assertEquals(LocalDateTime.parse("2026-11-25T07:30"), local(today, Property.DTSTART));
        assertEquals(LocalDateTime.parse("2026-11-25T16:00"), local(today, Property.DTEND));
        assertEquals("Kerja di kantor", today.getLocation().getValue());
        assertTrue(work.stream().noneMatch(e -> local(e, Property.DTSTART).getDayOfWeek().getValue() > 5), "no weekends");

        List<VEvent> onCall = events.stream().filter(e -> e.getSummary().getValue().startsWith("Piket ")).toList();
        assertFalse(onCall.isEmpty(), feed.body());
        VEvent night = onCall.stream().filter(e -> local(e, Property.DTSTART).toString().equals("2026-11-25T16:00"))
                .findFirst().orElseThrow(() -> new AssertionError(onCall.stream().map(e -> e.getStartDate().getValue())
                        .collect(Collectors.joining(", "))));
        assertEquals(LocalDateTime.parse("2026-11-26T07:30"), local(night, Property.DTEND));
        assertEquals(events.size(), events.stream().map(e -> e.getUid().getValue()).distinct().count(), "UIDs unique");
    }

    @Test
    void aNewUrlRevokesTheOldOneAndARevokedUrlIsNotFound() {
        String first = feedPath(OFFICER_TOKEN, "/v1/me/calendar-feed");
        assertEquals(200, get(first, null).status());
        String second = feedPath(OFFICER_TOKEN, "/v1/me/calendar-feed");

        assertEquals(404, get(first, null).status(), "replaced");
        assertEquals(200, get(second, null).status());
        Answer revoked = post("/v1/me/calendar-feed:revoke", OFFICER_TOKEN, "");
        assertEquals(1.0, revoked.json().getFieldsOrThrow("revoked").getNumberValue());
        assertEquals(404, get(second, null).status(), "revoked");
        assertEquals(404, get("/calendar/not-a-secret.ics", null).status());
        post("/v1/me/calendar-feed", AGENCY_TOKEN, "").problem(403, "AGENCY_NOT_ALLOWED");
    }

    @Test
    void aRostersFeedHasItsSlotsWithPrimaryAndBackup() throws Exception {
        post("/v1/rosters/piket/calendar-feed", OFFICER_TOKEN, "").problem(403, "MANAGER_REQUIRED");
        post("/v1/rosters/no-such/calendar-feed", MANAGER_TOKEN, "").problem(404, "ROSTER_NOT_FOUND");
        String path = feedPath(MANAGER_TOKEN, "/v1/rosters/piket/calendar-feed");

        Calendar cal = parse(get(path, null).body());
        assertEquals("Jeda: Piket Pengaduan", cal.getProperty("X-WR-CALNAME").getValue());
        List<VEvent> slots = cal.getComponents(Component.VEVENT);
        assertFalse(slots.isEmpty());
        VEvent s = slots.get(0);
        assertTrue(s.getSummary().getValue().contains("Budi Santoso"), s.toString());
        assertTrue(s.getDescription().getValue().contains("Cadangan: Citra Dewi"), s.toString());
        assertEquals(16, local(s, Property.DTSTART).getHour());
        assertTrue(Instant.parse("2026-11-18T00:00:00Z").isBefore(s.getStartDate().getDate().toInstant()));
    }
}
