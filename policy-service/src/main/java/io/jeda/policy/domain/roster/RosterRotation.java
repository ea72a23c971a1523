package io.jeda.policy.domain.roster;

import io.jeda.common.error.JedaException;
import io.jeda.policy.domain.Ids;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who is on call when on one roster: the base rotation (turn i covers [start + i*turn,
 * start + (i+1)*turn), primary members[i mod n]) with overrides laid over it. Pure computation, so
 * the rules of rotation, backups and overrides can be tested without a database; callers hand it
 * the overrides relevant to the period they ask about.
 */
public final class RosterRotation {

    /** One base turn of the rotation, before overrides. */
    public record Turn(long index, Instant start, Instant end, String primaryNip, String backupNip) {
    }

    private final String rosterId;
    private final Instant startTime;
    private final Duration turn;
    private final List<RosterMember> members;
    private final List<RosterOverride> overrides;

    /**
     * @param members   in rotation order (sorted by seq here, so callers may pass rows in any order)
     * @param overrides the overrides to apply; when two cover the same instant the later created wins
     */
    public RosterRotation(String rosterId, Instant startTime, int turnHours, List<RosterMember> members,
                          List<RosterOverride> overrides) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a rotation needs at least one member");
        }
        if (turnHours <= 0) {
            throw new IllegalArgumentException("turn_hours must be positive");
        }
        this.rosterId = rosterId;
        this.startTime = Objects.requireNonNull(startTime);
        this.turn = Duration.ofHours(turnHours);
        this.members = members.stream().sorted(Comparator.comparingInt(RosterMember::seq)).toList();
        // Stable order: older first, so that "the last one covering an instant" is the winner.
        this.overrides = overrides.stream()
                .sorted(Comparator.comparing(RosterOverride::createdAt))
                .toList();
    }

    public static RosterRotation of(Roster roster, List<RosterMember> members, List<RosterOverride> overrides) {
        return new RosterRotation(roster.id(), roster.startTime(), roster.turnHours(), members, overrides);
    }

    /** One full cycle: every member has had one turn. */
    public Duration cycle() {
        return turn.multipliedBy(members.size());
    }

    public Instant startTime() {
        return startTime;
    }

    public List<RosterOverride> overrides() {
        return overrides;
    }

    /** The base turn containing t; empty before the roster starts. */
    public Optional<Turn> turnAt(Instant t) {
        if (t.isBefore(startTime)) {
            return Optional.empty();
        }
        return Optional.of(turn(indexAt(t)));
    }

    /** The base turn with the given index (0 is the first). */
    public Turn turn(long index) {
        int n = members.size();
        RosterMember m = members.get((int) (index % n));
        String backup = m.backupNip() != null ? m.backupNip()
                : n > 1 ? members.get((int) ((index + 1) % n)).officerNip() : null;
        Instant start = startTime.plus(turn.multipliedBy(index));
        return new Turn(index, start, start.plus(turn), m.officerNip(), backup);
    }

    private long indexAt(Instant t) {
        return Duration.between(startTime, t).toNanos() / turn.toNanos();
    }

    /** The first turn boundary at or before t (never before the roster start). */
    private Instant floorToTurn(Instant t) {
        return t.isBefore(startTime) ? startTime : turn(indexAt(t)).start();
    }

    /** The first turn boundary at or after t. */
    private Instant ceilToTurn(Instant t) {
        if (!t.isAfter(startTime)) {
            return startTime;
        }
        Instant floor = floorToTurn(t);
        return floor.equals(t) ? t : floor.plus(turn);
    }

    /**
     * A swap of the base turns containing the two instants: each primary takes the other's whole
     * turn, as two overrides created at the given instant.
     *
     * @throws JedaException INVALID_ARGUMENT (NO_SLOT_AT_TIME) before the roster starts,
     *                       FAILED_PRECONDITION (SAME_PRIMARY) when both turns have the same primary
     */
    public List<RosterOverride> swap(Instant first, Instant second, String reason, Instant createdAt) {
        Turn a = turnAt(first).orElseThrow(() -> noSlot("first_slot_time", first));
        Turn b = turnAt(second).orElseThrow(() -> noSlot("second_slot_time", second));
        if (a.primaryNip().equals(b.primaryNip())) {
            throw JedaException.failedPrecondition("SAME_PRIMARY",
                    "both slots have the same primary, officers/" + a.primaryNip() + "; there is nothing to swap",
                    "officer", "officers/" + a.primaryNip());
        }
        // Created together: they win over older overrides of the two turns and never overlap each other.
        return List.of(
                new RosterOverride(Ids.newId(), rosterId, a.primaryNip(), b.start(), b.end(), reason, createdAt),
                new RosterOverride(Ids.newId(), rosterId, b.primaryNip(), a.start(), a.end(), reason, createdAt));
    }

    private static JedaException noSlot(String field, Instant t) {
        return JedaException.invalidArgument("NO_SLOT_AT_TIME", field + " " + t + " is before the roster starts",
                "field", field);
    }

    /** The slot in force at t, if any. */
    public Optional<OnCallSlot> slotAt(Instant t) {
        return slots(t, t.plusNanos(1)).stream().findFirst();
    }

    /**
     * The slots overlapping [from, to), in time order, whole (not cut at from or to): base turns
     * split where overrides begin and end, each slot a maximal interval with one primary and one
     * backup. Adjacent pieces of overrides with the same people merge even across a turn boundary;
     * plain turns stay one slot each, even when the same officer has consecutive turns.
     */
    public List<OnCallSlot> slots(Instant from, Instant to) {
        if (!to.isAfter(startTime) || !to.isAfter(from)) {
            return List.of();
        }
        Instant ws = floorToTurn(from.isBefore(startTime) ? startTime : from);
        Instant we = ceilToTurn(to);
        // Widen the window over the overrides that reach into it, so that a slot made by an override
        // is reported whole even when it runs past the asked period.
        boolean widened = true;
        while (widened) {
            widened = false;
            for (RosterOverride o : overrides) {
                if (o.startTime().isBefore(we) && o.endTime().isAfter(ws) && o.endTime().isAfter(startTime)) {
                    Instant s = floorToTurn(o.startTime());
                    Instant e = ceilToTurn(o.endTime());
                    if (s.isBefore(ws)) {
                        ws = s;
                        widened = true;
                    }
                    if (e.isAfter(we)) {
                        we = e;
                        widened = true;
                    }
                }
            }
        }
        TreeSet<Instant> bounds = new TreeSet<>();
        for (Instant b = ws; !b.isAfter(we); b = b.plus(turn)) {
            bounds.add(b);
        }
        for (RosterOverride o : overrides) {
            if (o.startTime().isAfter(ws) && o.startTime().isBefore(we)) {
                bounds.add(o.startTime());
            }
            if (o.endTime().isAfter(ws) && o.endTime().isBefore(we)) {
                bounds.add(o.endTime());
            }
        }
        List<Piece> pieces = new ArrayList<>();
        Instant prev = null;
        for (Instant b : bounds) {
            if (prev != null) {
                pieces.add(piece(prev, b));
            }
            prev = b;
        }
        List<OnCallSlot> out = new ArrayList<>();
        Piece run = null;
        for (Piece p : pieces) {
            if (run != null && run.mergesWith(p)) {
                run = new Piece(run.start, p.end, run.turnIndex, run.primary, run.backup, run.overridden);
            } else {
                if (run != null) {
                    addIfOverlapping(out, run, from, to);
                }
                run = p;
            }
        }
        if (run != null) {
            addIfOverlapping(out, run, from, to);
        }
        return out;
    }

    /** Up to count slots: the one in force at t (if any), then the following ones. */
    public List<OnCallSlot> slotsFrom(Instant t, int count) {
        Duration span = turn.multipliedBy(Math.max(count, 1));
        List<OnCallSlot> found = List.of();
        // Each turn gives at least one slot unless overrides merge turns; widen until enough.
        for (int attempt = 0; attempt < 16; attempt++) {
            Instant from = t.isBefore(startTime) ? startTime : t;
            found = slots(from, from.plus(span));
            if (found.size() >= count) {
                break;
            }
            span = span.multipliedBy(2);
        }
        return found.size() > count ? found.subList(0, count) : found;
    }

    private void addIfOverlapping(List<OnCallSlot> out, Piece p, Instant from, Instant to) {
        if (p.end.isAfter(from) && p.start.isBefore(to)) {
            out.add(new OnCallSlot(rosterId, p.start, p.end, p.primary, p.backup, p.overridden));
        }
    }

    private record Piece(Instant start, Instant end, long turnIndex, String primary, String backup,
                         boolean overridden) {
        boolean mergesWith(Piece next) {
            return end.equals(next.start) && overridden == next.overridden
                    && Objects.equals(primary, next.primary) && Objects.equals(backup, next.backup)
                    && (overridden || turnIndex == next.turnIndex);
        }
    }

    private Piece piece(Instant start, Instant end) {
        Turn t = turn(indexAt(start));
        RosterOverride winner = null;
        for (RosterOverride o : overrides) {
            if (!o.startTime().isAfter(start) && o.endTime().isAfter(start)) {
                winner = o;
            }
        }
        if (winner == null) {
            return new Piece(start, end, t.index(), t.primaryNip(), t.backupNip(), false);
        }
        return new Piece(start, end, t.index(), winner.officerNip(), overrideBackup(winner.officerNip(), t), true);
    }

    /**
     * The backup while officer holds turn t by override: their own named backup on this roster, else
     * the turn's backup, unless that is the officer themself, then the next member after them (or
     * after the turn's primary when they are not a member).
     */
    String overrideBackup(String officer, Turn t) {
        int n = members.size();
        int k = -1;
        for (int i = 0; i < n; i++) {
            if (members.get(i).officerNip().equals(officer)) {
                k = i;
                break;
            }
        }
        if (k >= 0 && members.get(k).backupNip() != null) {
            return members.get(k).backupNip();
        }
        String original = t.backupNip();
        if (original == null || !original.equals(officer)) {
            return original;
        }
        long from = k >= 0 ? k + 1 : t.index() + 1;
        for (int j = 0; j < n; j++) {
            String candidate = members.get((int) ((from + j) % n)).officerNip();
            if (!candidate.equals(officer)) {
                return candidate;
            }
        }
        return null;
    }
}
