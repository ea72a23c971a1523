package io.jeda.gateway.app;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.RosterName;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.gateway.calendar.CalendarFeedStore;
import io.jeda.gateway.calendar.CalendarFeedStore.Kind;
import io.jeda.gateway.calendar.ICalendarWriter;
import io.jeda.gateway.client.PolicyClient;
import io.jeda.gateway.client.RosterCalendarSource;
import io.jeda.gateway.reachability.DaySchedule;
import io.jeda.gateway.reachability.OfficerProfile;
import io.jeda.gateway.reachability.OnCallSlot;
import io.jeda.gateway.reachability.Sourced;
import io.jeda.gateway.reachability.WorkPlace;
import io.jeda.gateway.web.ZoneLabels;
import io.jeda.policy.v1.Roster;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * iCalendar feeds at secret, revocable URLs: an officer's working days (place and hours) and on-call
 * shifts, and a roster's on-call slots, in the unit's time zone. An officer makes (and so replaces)
 * or revokes the feed of their own calendar; a manager or administrator those of a roster. The feed
 * itself is read by calendar apps that present only the URL, so it is answered with the gateway's own
 * identity from what policy-service says, for a window around today (settings).
 */
@Singleton
public class CalendarFeeds {

    /** The path of a feed under the gateway, {@code /calendar/{secret}.ics}. */
    public static final String PATH = "/calendar/";

    /** A feed's link as the API answers it. */
    public record FeedLink(String calendar, String url, String path, Instant createTime, int revoked) {
    }

    /** policy-service answers at most 31 consecutive days in one call. */
    private static final int MAX_DAYS_PER_CALL = 31;
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private final CalendarFeedStore store;
    private final PolicyClient policy;
    private final RosterCalendarSource rosters;
    private final Clock clock;
    private final int pastDays;
    private final int futureDays;

    public CalendarFeeds(CalendarFeedStore store, PolicyClient policy, RosterCalendarSource rosters, Clock clock,
                         @Value("${jeda.gateway.calendar.past-days:7}") int pastDays,
                         @Value("${jeda.gateway.calendar.future-days:56}") int futureDays) {
        this.store = store;
        this.policy = policy;
        this.rosters = rosters;
        this.clock = clock;
        this.pastDays = pastDays;
        this.futureDays = futureDays;
    }

    /** A new secret URL for the caller's own calendar; an earlier URL stops working. */
    public FeedLink createMine(Person p, String baseUrl) {
        Access.person(p.caller());
        Instant now = clock.instant();
        String secret = store.replace(Kind.OFFICER, p.caller().subject(), p.caller().subject(), now);
        return link(p.officer(), baseUrl, secret, now, 0);
    }

    public FeedLink revokeMine(Person p) {
        Access.person(p.caller());
        return new FeedLink(p.officer(), "", "", null, store.revoke(Kind.OFFICER, p.caller().subject(), clock.instant()));
    }

    /** A new secret URL for a roster's slots; managers and administrators only. */
    public FeedLink createForRoster(Person p, String roster, String baseUrl) {
        String id = rosterAdmin(p.caller(), roster);
        rosters.roster(id); // NOT_FOUND from policy-service when there is no such roster
        Instant now = clock.instant();
        String secret = store.replace(Kind.ROSTER, id, p.caller().subject(), now);
        return link(RosterName.of(id).toString(), baseUrl, secret, now, 0);
    }

    public FeedLink revokeForRoster(Person p, String roster) {
        String id = rosterAdmin(p.caller(), roster);
        return new FeedLink(RosterName.of(id).toString(), "", "", null, store.revoke(Kind.ROSTER, id, clock.instant()));
    }

    /**
     * The feed behind a secret, empty when there is none or it was revoked.
     *
     * @throws JedaException UNAVAILABLE when policy-service does not answer (calendar apps try again later)
     */
    public Optional<String> render(String secret) {
        Optional<CalendarFeedStore.Feed> feed = store.find(secret);
        if (feed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(feed.get().kind() == Kind.OFFICER ? officerCalendar(feed.get().subject())
                : rosterCalendar(feed.get().subject()));
    }

    private String officerCalendar(String nip) {
        OfficerProfile o = available(policy.officer(nip)).orElseThrow(
                () -> JedaException.notFound("officer", OfficerName.of(nip).toString()));
        ZoneId zone = o.zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<DaySchedule> days = new java.util.ArrayList<>();
        LocalDate from = today.minusDays(pastDays);
        int total = pastDays + futureDays + 1;
        for (int done = 0; done < total; done += MAX_DAYS_PER_CALL) {
            int n = Math.min(MAX_DAYS_PER_CALL, total - done);
            days.addAll(available(policy.schedules(nip, from.plusDays(done), n)).orElse(List.of()));
        }
        ICalendarWriter ics = new ICalendarWriter("Jeda: " + o.displayName(), zone, ZoneLabels.abbreviation(zone), now);
        Map<String, OnCallSlot> shifts = new LinkedHashMap<>();
        for (DaySchedule d : days) {
            if (d.working() && d.work() != null) {
                String place = place(d.place());
                String core = d.core() == null ? "" : "Jam inti " + HHMM.format(d.core().start().atZone(zone)) + "-"
                        + HHMM.format(d.core().end().atZone(zone)) + " " + ZoneLabels.abbreviation(zone);
                ics.event("work-" + nip + "-" + d.date() + "@jeda", d.work().start(), d.work().end(), place, place,
                        core, "KERJA");
            }
            d.onCall().forEach(s -> shifts.putIfAbsent(s.rosterId() + "@" + s.start(), s));
        }
        for (OnCallSlot s : shifts.values()) {
            boolean primary = nip.equals(s.primaryNip());
            ics.event("oncall-" + s.rosterId() + "-" + s.start().getEpochSecond() + "-" + nip + "@jeda", s.start(), s.end(),
                    (primary ? "Piket " : "Cadangan piket ") + s.rosterId(), "",
                    primary ? "Petugas piket utama" : "Cadangan bila petugas utama tidak menjawab", "PIKET");
        }
        return ics.end();
    }

    private String rosterCalendar(String rosterId) {
        Roster r = rosters.roster(rosterId);
        Instant now = clock.instant();
        List<io.jeda.policy.v1.OnCallSlot> slots = rosters.slots(rosterId, now.minus(java.time.Duration.ofDays(pastDays)), 100);
        ZoneId zone = slots.isEmpty() ? ZoneId.of("Asia/Jakarta") : zoneOf(nipOf(slots.get(0).getPrimary()));
        ICalendarWriter ics = new ICalendarWriter("Jeda: " + (r.getDisplayName().isBlank() ? rosterId : r.getDisplayName()),
                zone, ZoneLabels.abbreviation(zone), now);
        Instant until = now.plus(java.time.Duration.ofDays(futureDays));
        for (io.jeda.policy.v1.OnCallSlot s : slots) {
            Instant start = instant(s.getStartTime());
            if (start.isAfter(until)) {
                break;
            }
            String primary = nipOf(s.getPrimary());
            String backup = s.getBackup().isEmpty() ? "" : nipOf(s.getBackup());
            ics.event("slot-" + rosterId + "-" + start.getEpochSecond() + "@jeda", start, instant(s.getEndTime()),
                    "Piket: " + name(primary), "", backup.isEmpty() ? "" : "Cadangan: " + name(backup)
                            + (s.getOverridden() ? " (jadwal diganti)" : ""), "PIKET");
        }
        return ics.end();
    }

    private ZoneId zoneOf(String nip) {
        return available(policy.officer(nip)).map(OfficerProfile::zone).orElse(ZoneId.of("Asia/Jakarta"));
    }

    private String name(String nip) {
        return available(policy.officer(nip)).map(OfficerProfile::displayName).filter(n -> !n.isBlank())
                .map(n -> n + " (" + nip + ")").orElse(nip);
    }

    private static <T> Optional<T> available(Sourced<T> s) {
        if (!s.available()) {
            throw JedaException.of(ErrorKind.UNAVAILABLE, "POLICY_UNAVAILABLE",
                    "policy-service did not answer; the calendar app will try again", "source", s.unavailableSource());
        }
        return s.present();
    }

    private static String place(WorkPlace p) {
        if (p == null) {
            return "Kerja";
        }
        return switch (p) {
            case OFFICE -> "Kerja di kantor";
            case HOME -> "Kerja dari rumah";
            case OTHER_OFFICE -> "Kerja di kantor lain";
            case OTHER -> "Kerja di tempat lain";
        };
    }

    private static String rosterAdmin(Caller c, String roster) {
        Access.person(c);
        if (!c.has(Role.MANAGER) && !c.has(Role.ADMIN)) {
            throw JedaException.permissionDenied("MANAGER_REQUIRED",
                    "only a manager or an administrator publishes a roster's calendar", "subject", c.subject());
        }
        return roster.startsWith("rosters/") ? RosterName.parse(roster, "roster").rosterId() : RosterName.of(roster).rosterId();
    }

    private static String nipOf(String officer) {
        return OfficerName.parse(officer, "officer").nip();
    }

    private static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static FeedLink link(String calendar, String baseUrl, String secret, Instant now, int revoked) {
        String path = PATH + secret + ".ics";
        return new FeedLink(calendar, baseUrl + path, path, now, revoked);
    }
}
