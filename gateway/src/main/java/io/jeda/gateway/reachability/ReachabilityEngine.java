package io.jeda.gateway.reachability;

import io.jeda.common.error.JedaException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers DESIGN.md's question — may officer O be contacted at instant T with urgency U, and if not,
 * when or whom instead — from the effective schedules, on-call slots and attendance read through
 * {@link ReachabilityData}. Pure rules: no transport, no cache, no clock other than the injected one,
 * so every rule is unit-tested with an in-memory port.
 *
 * <h2>Rules and the choices made where DESIGN.md leaves room</h2>
 * <ul>
 *   <li><b>Working hours</b> at T are the work window (or the core window) of today's or yesterday's
 *       schedule containing T; yesterday's counts so that a night shift crossing midnight is still
 *       working hours. "Today" is T's local date in the officer's zone.</li>
 *   <li><b>State</b>, first match: inside working hours → AVAILABLE if checked in else EXPECTED
 *       (EXPECTED too when attendance is unavailable); today's reason LEAVE → ON_LEAVE (leave wins over
 *       an on-call slot: the slot is treated as stale and the search goes to the roster's other
 *       officer); primary or backup of a slot covering T → ON_CALL; holiday reason → HOLIDAY; else
 *       OFF_DUTY. A schedule that cannot be read → UNKNOWN. The rest rule does not change the state
 *       (an officer resting inside the window stays EXPECTED/AVAILABLE), only ROUTINE reachability.</li>
 *   <li><b>Reachable</b>: ROUTINE inside working hours and not resting; URGENT inside working hours or
 *       on call; EMERGENCY on call, or inside working hours and checked in (when
 *       {@link ReachabilitySettings#emergencyNeedsCheckIn()}; otherwise inside working hours suffices).
 *       Nobody on leave is reachable. With the schedule unknown only EMERGENCY may reach the officer,
 *       and only when the unit's rosters say they are on call.</li>
 *   <li><b>Rest</b>: a last check-out outside every known work window of yesterday and today counts as
 *       late work; ROUTINE contact resumes {@link ReachabilitySettings#minRestAfterLateWork()} after it,
 *       even inside the next window. On-call caps are policy-service's: slots are trusted.</li>
 *   <li><b>next_reachable_at</b> (null when reachable now): ROUTINE the first instant inside a future
 *       window after the rest; URGENT the earlier of the next window and the next on-call slot; EMERGENCY
 *       the next on-call slot (and the next window when check-in is not required). Days off, holidays
 *       and leave have no window, so they are skipped; slots starting on a leave day are ignored. Looks
 *       ahead {@link ReachabilitySettings#lookaheadDays()} local dates; null beyond.</li>
 *   <li><b>respond_by</b>: ROUTINE the end of the n-th work window starting after T (n =
 *       {@link ReachabilitySettings#routineRespondWorkingDays()}), else T + the fallback; URGENT (T if
 *       reachable now, else next_reachable_at, else T) + {@link ReachabilitySettings#urgentRespondWithin()};
 *       EMERGENCY T + {@link ReachabilitySettings#emergencyRespondWithin()}.</li>
 *   <li><b>contact_instead</b>, only when O is not reachable: breadth-first over candidates, each
 *       officer's being (1) primary then backup of the on-call slots covering T of their unit's rosters,
 *       (2) their named backups, (3) their manager (when {@link ReachabilitySettings#contactManager()});
 *       at most {@link ReachabilitySettings#searchDepth()} hops and
 *       {@link ReachabilitySettings#maxCandidates()} officers; each officer visited once (no loops);
 *       the first reachable for U wins and is answered in full, without a contact of its own.</li>
 *   <li><b>Degraded</b>: a source that does not answer is named and the answer is made from the rest;
 *       the engine never throws for it. Only an officer unknown to policy-service is an error
 *       (NOT_FOUND, reason OFFICER_NOT_FOUND).</li>
 * </ul>
 */
@Singleton
public class ReachabilityEngine {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final Map<String, String> ZONE_NAMES =
            Map.of("Asia/Jakarta", "WIB", "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");

    private final ReachabilityData data;
    private final ReachabilitySettings settings;
    private final Clock clock;

    @Inject
    public ReachabilityEngine(ReachabilityData data, ReachabilitySettings settings, Clock clock) {
        this.data = Objects.requireNonNull(data, "data");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Answers one query.
     *
     * @throws JedaException NOT_FOUND (OFFICER_NOT_FOUND) when policy-service does not know the officer
     */
    public Reachability answer(ReachabilityQuery query) {
        Instant t = query.at() != null ? query.at() : clock.instant();
        // Yesterday, today and the look-ahead: every day this answer may read of the officer.
        data.readAhead(query.nip(), t, 1, settings.lookaheadDays());
        Answer self = assess(query.nip(), t, query.urgency(), query.attendanceDetail());
        if (self == null) {
            throw JedaException.notFound("officer", "officers/" + query.nip());
        }
        complete(self);
        Reachability contact = null;
        if (!self.reachable) {
            contact = searchContact(self);
        }
        return self.toReachability(contact, clock.instant());
    }

    // ---------------------------------------------------------------- one officer, now

    /** Mutable working state of one officer's answer while the rules fill it in. */
    private final class Answer {
        final String nip;
        final Instant t;
        final Urgency urgency;
        /** Whether reasons may tell attendance detail (the officer's own view only). */
        final boolean detail;
        OfficerProfile profile;
        ZoneId zone;
        DaySchedule yesterday;
        DaySchedule today;
        AttendanceNow attendance;
        ReachabilityState state;
        boolean reachable;
        boolean inHours;
        OnCallSlot slotNow;
        Instant restUntil;
        WorkLocation location;
        Instant next;
        Instant respondBy;
        final List<String> reasons = new ArrayList<>();
        final Set<String> degraded = new TreeSet<>();

        Answer(String nip, Instant t, Urgency urgency, boolean detail) {
            this.nip = nip;
            this.t = t;
            this.urgency = urgency;
            this.detail = detail;
        }

        String who() {
            return profile != null && profile.displayName() != null && !profile.displayName().isBlank()
                    ? profile.displayName() + " (" + nip + ")" : nip;
        }

        String local(Instant i) {
            ZoneId z = zone != null ? zone : ZoneId.of("UTC");
            return LOCAL.format(i.atZone(z)) + " " + ZONE_NAMES.getOrDefault(z.getId(), z.getId());
        }

        Reachability toReachability(Reachability contact, Instant asOf) {
            return new Reachability(nip, urgency, t, state, reachable, location, reachable ? null : next, respondBy,
                    contact, reasons, asOf, !degraded.isEmpty(), List.copyOf(degraded));
        }
    }

    /**
     * State and reachability at T; null when policy-service says the officer does not exist. Without
     * {@code detail} no reason tells when the officer checked in or out or whether they are checked in.
     */
    private Answer assess(String nip, Instant t, Urgency u, boolean detail) {
        Answer a = new Answer(nip, t, u, detail);
        Sourced<OfficerProfile> profile = data.officer(nip);
        if (!profile.available()) {
            a.degraded.add(profile.unavailableSource());
            unknown(a, "the officer's record could not be read from " + profile.unavailableSource());
            return a;
        }
        if (profile.value() == null) {
            return null;
        }
        a.profile = profile.value();
        a.zone = a.profile.zone();
        LocalDate todayDate = t.atZone(a.zone).toLocalDate();

        Sourced<DaySchedule> today = data.schedule(nip, todayDate);
        if (!today.available() || today.value() == null) {
            if (!today.available()) {
                a.degraded.add(today.unavailableSource());
            }
            unknown(a, today.available() ? "policy-service has no schedule for the officer on " + todayDate
                    : "the schedule could not be read from " + today.unavailableSource());
            return a;
        }
        a.today = today.value();
        Sourced<DaySchedule> yesterday = data.schedule(nip, todayDate.minusDays(1));
        if (yesterday.available()) {
            a.yesterday = yesterday.value();
        } else {
            a.degraded.add(yesterday.unavailableSource());
            a.reasons.add("Yesterday's schedule could not be read: a night shift or late work that began "
                    + "yesterday is not taken into account.");
        }
        Sourced<AttendanceNow> attendance = data.attendance(nip);
        if (attendance.available()) {
            a.attendance = attendance.value();
            AttendanceNow now = a.attendance;
            if (now != null && now.checkedIn() && !coversAskedInstant(now, t)) {
                // Attendance says what is true now; the open check-in tells nothing of another day.
                a.attendance = new AttendanceNow(false, null, null, now.lastCheckOut());
                if (a.detail) {
                    a.reasons.add("Checked in since " + a.local(now.since()) + ", which does not tell about "
                            + a.local(t) + ".");
                }
            }
        } else {
            a.degraded.add(attendance.unavailableSource());
            a.reasons.add("Attendance could not be read from " + attendance.unavailableSource()
                    + ": the answer rests on the schedule alone.");
        }

        List<DaySchedule> recent = recentDays(a);
        DaySchedule current = null;
        for (DaySchedule d : recent) {
            if (d.inWorkingHours(t)) {
                current = d;
            }
        }
        a.inHours = current != null;
        for (DaySchedule d : recent) {
            for (OnCallSlot s : d.onCall()) {
                if (a.slotNow == null && s.covers(t) && s.involves(nip)) {
                    a.slotNow = s;
                }
            }
        }
        boolean checkedIn = a.attendance != null && a.attendance.checkedIn();
        boolean onLeave = !a.inHours && a.today.reason() == ScheduleReason.LEAVE;
        a.restUntil = restUntil(a, recent);

        if (a.inHours) {
            a.state = checkedIn ? ReachabilityState.AVAILABLE : ReachabilityState.EXPECTED;
            a.reasons.add(String.format("Inside working hours (%s to %s)%s.", a.local(current.work().start()),
                    a.local(current.work().end()), !a.detail || a.attendance == null ? ""
                            : checkedIn ? ", checked in" : ", not checked in yet"));
        } else if (onLeave) {
            a.state = ReachabilityState.ON_LEAVE;
            a.reasons.add("On leave today.");
            if (a.slotNow != null) {
                a.reasons.add("Named on roster " + a.slotNow.rosterId()
                        + " now, but leave takes precedence over the roster.");
            }
        } else if (a.slotNow != null) {
            a.state = ReachabilityState.ON_CALL;
            a.reasons.add(String.format("Off duty but on call on roster %s as %s until %s.", a.slotNow.rosterId(),
                    nip.equals(a.slotNow.primaryNip()) ? "primary" : "backup", a.local(a.slotNow.end())));
        } else if (a.today.reason().isHoliday()) {
            a.state = ReachabilityState.HOLIDAY;
            a.reasons.add("Today is a holiday (" + a.today.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ").");
        } else {
            a.state = ReachabilityState.OFF_DUTY;
            a.reasons.add(a.today.working() ? "Outside working hours." : "Not a working day.");
        }

        if (checkedIn) {
            a.location = a.attendance.mode();
        } else if (a.inHours && current.place() != null) {
            a.location = current.place().location();
        }
        if (checkedIn && !a.inHours && a.detail) {
            a.reasons.add("Checked in outside working hours; that does not open ROUTINE contact.");
        }

        boolean emergencyInHours = a.inHours && (checkedIn || !settings.emergencyNeedsCheckIn());
        a.reachable = !onLeave && switch (u) {
            case ROUTINE -> a.inHours && a.restUntil == null;
            case URGENT -> a.inHours || a.slotNow != null;
            case EMERGENCY -> a.slotNow != null || emergencyInHours;
        };
        if (a.restUntil != null && a.detail) {
            a.reasons.add(String.format("Worked late (checked out %s): ROUTINE contact waits for the minimum "
                    + "rest of %d h, until %s.", a.local(a.attendance.lastCheckOut()),
                    settings.minRestAfterLateWork().toHours(), a.local(a.restUntil)));
        } else if (a.restUntil != null) {
            // When the officer left is theirs: others learn only until when they rest.
            a.reasons.add(String.format("Resting after late work until %s: ROUTINE contact waits for the minimum "
                    + "rest of %d h.", a.local(a.restUntil), settings.minRestAfterLateWork().toHours()));
        }
        if (u == Urgency.ROUTINE && a.reachable && a.attendance == null) {
            a.reasons.add("Whether the officer worked late cannot be told without attendance; the minimum rest "
                    + "is not applied.");
        }
        if (u == Urgency.EMERGENCY && a.inHours && a.slotNow == null && !emergencyInHours) {
            a.reasons.add(a.attendance == null
                    ? "Whether the officer has started cannot be told; an EMERGENCY goes to whoever is on call."
                    : a.detail ? "Not checked in yet; an EMERGENCY goes to whoever is on call."
                    : "Not known to be at work yet; an EMERGENCY goes to whoever is on call.");
        }
        a.reasons.add((a.reachable ? "Reachable" : "Not reachable") + " for " + u + " now.");
        return a;
    }

    /** The schedule is missing: nothing but EMERGENCY through the unit's rosters can reach the officer. */
    private void unknown(Answer a, String why) {
        a.state = ReachabilityState.UNKNOWN;
        a.reasons.add("Reachability is unknown: " + why + ".");
        if (a.urgency == Urgency.EMERGENCY && a.profile != null) {
            Sourced<List<OnCallSlot>> slots = data.onCallSlots(a.profile.unitId(), a.t);
            if (!slots.available()) {
                a.degraded.add(slots.unavailableSource());
            } else {
                for (OnCallSlot s : slots.present().orElse(List.of())) {
                    if (a.slotNow == null && s.covers(a.t) && s.involves(a.nip)) {
                        a.slotNow = s;
                    }
                }
            }
            if (a.slotNow != null) {
                a.reachable = true;
                a.reasons.add("The unit's roster " + a.slotNow.rosterId() + " has the officer on call now.");
            }
        }
        a.reasons.add((a.reachable ? "Reachable" : "Not reachable") + " for " + a.urgency + " now.");
    }

    private static List<DaySchedule> recentDays(Answer a) {
        List<DaySchedule> out = new ArrayList<>(2);
        if (a.yesterday != null) {
            out.add(a.yesterday);
        }
        out.add(a.today);
        return out;
    }

    /** Whether an open check-in tells that the officer is at work at the asked instant. */
    private boolean coversAskedInstant(AttendanceNow now, Instant t) {
        return now.since() == null
                || (!t.isBefore(now.since()) && !t.isAfter(now.since().plus(settings.checkInCovers())));
    }

    /**
     * The end of the minimum rest when the last check-out was late work and the rest is still running
     * at T; null otherwise. Late work is a check-out outside every known work window (a check-out at the
     * very end of the window is not late).
     */
    private Instant restUntil(Answer a, List<DaySchedule> recent) {
        if (a.attendance == null || a.attendance.lastCheckOut() == null) {
            return null;
        }
        Instant out = a.attendance.lastCheckOut();
        Instant until = out.plus(settings.minRestAfterLateWork());
        if (!until.isAfter(a.t) || out.isAfter(a.t)) {
            return null;
        }
        for (DaySchedule d : recent) {
            if (d.working() && !out.isBefore(d.work().start()) && !out.isAfter(d.work().end())) {
                return null;
            }
        }
        return until;
    }

    // ---------------------------------------------------------------- next reachable, respond by

    /** Fills next_reachable_at and respond_by; reads ahead only when the answer needs it. */
    private void complete(Answer a) {
        Instant t = a.t;
        if (a.state == ReachabilityState.UNKNOWN) {
            a.respondBy = switch (a.urgency) {
                case ROUTINE -> t.plus(settings.routineRespondFallback());
                case URGENT -> t.plus(settings.urgentRespondWithin());
                case EMERGENCY -> t.plus(settings.emergencyRespondWithin());
            };
            return;
        }
        if (a.urgency == Urgency.EMERGENCY && a.reachable) {
            a.respondBy = t.plus(settings.emergencyRespondWithin());
            return;
        }
        if (a.urgency == Urgency.URGENT && a.reachable) {
            a.respondBy = t.plus(settings.urgentRespondWithin());
            return;
        }

        List<DaySchedule> days = new ArrayList<>(recentDays(a));
        Sourced<List<DaySchedule>> ahead = data.schedules(a.nip, a.today.date().plusDays(1), settings.lookaheadDays());
        if (ahead.available()) {
            days.addAll(ahead.present().orElse(List.of()));
        } else {
            a.degraded.add(ahead.unavailableSource());
            a.reasons.add("Schedules after today could not be read; only today is looked at.");
        }

        if (!a.reachable) {
            a.next = switch (a.urgency) {
                case ROUTINE -> nextWindow(days, t, a.restUntil);
                case URGENT -> earliest(nextWindow(days, t, null), nextSlot(days, a.nip, t));
                case EMERGENCY -> settings.emergencyNeedsCheckIn() ? nextSlot(days, a.nip, t)
                        : earliest(nextWindow(days, t, null), nextSlot(days, a.nip, t));
            };
            if (a.next != null) {
                a.reasons.add("Next reachable for " + a.urgency + " at " + a.local(a.next) + ".");
            } else if (ahead.available()) {
                a.reasons.add("Not reachable for " + a.urgency + " within the next " + settings.lookaheadDays()
                        + " days" + (a.urgency == Urgency.EMERGENCY ? " (no on-call slot)" : "") + ".");
            }
        }

        switch (a.urgency) {
            case EMERGENCY -> a.respondBy = t.plus(settings.emergencyRespondWithin());
            case URGENT -> a.respondBy = (a.next != null ? a.next : t).plus(settings.urgentRespondWithin());
            case ROUTINE -> {
                List<TimeWindow> upcoming = days.stream().filter(DaySchedule::working).map(DaySchedule::work)
                        .filter(w -> w.start().isAfter(t)).sorted(Comparator.comparing(TimeWindow::start)).toList();
                int n = settings.routineRespondWorkingDays();
                if (upcoming.size() >= n) {
                    a.respondBy = upcoming.get(n - 1).end();
                } else {
                    a.respondBy = t.plus(settings.routineRespondFallback());
                    a.reasons.add("No working day is known ahead; the ROUTINE deadline falls back to "
                            + a.local(a.respondBy) + ".");
                }
            }
        }
    }

    /** The first instant at or after T (and after the rest) inside a work or core window; null if none. */
    private static Instant nextWindow(List<DaySchedule> days, Instant t, Instant restUntil) {
        Instant best = null;
        for (DaySchedule d : days) {
            if (!d.working()) {
                continue;
            }
            for (TimeWindow w : d.core() == null ? List.of(d.work()) : List.of(d.work(), d.core())) {
                Instant c = latest(latest(w.start(), t), restUntil);
                if (c.isBefore(w.end())) {
                    best = earliest(best, c);
                }
            }
        }
        return best;
    }

    /** The start (or T, if running) of the next slot the officer holds, ignoring slots starting on leave. */
    private static Instant nextSlot(List<DaySchedule> days, String nip, Instant t) {
        Map<LocalDate, DaySchedule> byDate = new HashMap<>();
        for (DaySchedule d : days) {
            byDate.put(d.date(), d);
        }
        Instant best = null;
        for (DaySchedule d : days) {
            for (OnCallSlot s : d.onCall()) {
                if (!s.involves(nip) || !s.end().isAfter(t)) {
                    continue;
                }
                DaySchedule startDay = byDate.get(s.start().atZone(d.zone()).toLocalDate());
                if (startDay != null && startDay.reason() == ScheduleReason.LEAVE) {
                    continue;
                }
                best = earliest(best, latest(s.start(), t));
            }
        }
        return best;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    // ---------------------------------------------------------------- contact instead

    private record Candidate(String nip, int depth, String relation) {
    }

    /** Breadth-first over rosters, named backups and managers; the first reachable officer, or null. */
    private Reachability searchContact(Answer self) {
        if (settings.searchDepth() < 1 || self.profile == null) {
            self.reasons.add("Nobody else is looked for: "
                    + (self.profile == null ? "the officer's unit is unknown." : "the contact search is off."));
            return null;
        }
        Map<String, Sourced<List<OnCallSlot>>> unitSlots = new HashMap<>();
        Set<String> visited = new HashSet<>();
        visited.add(self.nip);
        Deque<Candidate> queue = new ArrayDeque<>();
        enqueue(self, self.profile, self.who(), 1, visited, queue, unitSlots);
        int checked = 0;
        while (!queue.isEmpty() && checked < settings.maxCandidates()) {
            Candidate c = queue.poll();
            checked++;
            // A candidate's look-ahead is read only for a ROUTINE answer, whose respond_by needs it.
            data.readAhead(c.nip(), self.t, 1, self.urgency == Urgency.ROUTINE ? settings.lookaheadDays() : 0);
            Answer other = assess(c.nip(), self.t, self.urgency, false);
            if (other == null) {
                continue;
            }
            if (other.reachable) {
                complete(other);
                self.reasons.add("Contact instead " + other.who() + ", " + c.relation() + ".");
                return other.toReachability(null, clock.instant());
            }
            if (c.depth() < settings.searchDepth() && other.profile != null) {
                enqueue(self, other.profile, other.who(), c.depth() + 1, visited, queue, unitSlots);
            }
        }
        self.reasons.add("Nobody along the rosters, backups and manager is reachable for " + self.urgency
                + " now (" + checked + " officer" + (checked == 1 ? "" : "s") + " checked).");
        return null;
    }

    private void enqueue(Answer self, OfficerProfile of, String ofName, int depth, Set<String> visited,
                         Deque<Candidate> queue, Map<String, Sourced<List<OnCallSlot>>> unitSlots) {
        Sourced<List<OnCallSlot>> slots = unitSlots.computeIfAbsent(of.unitId(), u -> data.onCallSlots(u, self.t));
        if (!slots.available()) {
            self.degraded.add(slots.unavailableSource());
        }
        for (OnCallSlot s : slots.present().orElse(List.of())) {
            if (!s.covers(self.t)) {
                continue;
            }
            offer(s.primaryNip(), depth, "on call now as primary of roster " + s.rosterId(), visited, queue);
            if (s.backupNip() != null) {
                offer(s.backupNip(), depth, "on call now as backup of roster " + s.rosterId(), visited, queue);
            }
        }
        Sourced<List<String>> backups = data.namedBackups(of.nip());
        if (!backups.available()) {
            self.degraded.add(backups.unavailableSource());
        }
        for (String b : backups.present().orElse(List.of())) {
            offer(b, depth, "named backup of " + ofName, visited, queue);
        }
        if (settings.contactManager() && of.managerNip() != null) {
            offer(of.managerNip(), depth, "manager of " + ofName, visited, queue);
        }
    }

    private static void offer(String nip, int depth, String relation, Set<String> visited, Deque<Candidate> queue) {
        if (nip != null && visited.add(nip)) {
            queue.add(new Candidate(nip, depth, relation));
        }
    }
}
