package io.jeda.attendance.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Lays approved corrections over a day's recorded sessions, for settling the day: the recorded
 * events stay as they are; the rules see the day as corrected. A corrected check-in replaces the
 * first check-in's time (or makes the day's one session when there was none); a corrected
 * check-out closes the last session at that time instead of its recorded or automatic check-out; a
 * corrected mode applies to every check-in of the day. Corrections apply in approval order.
 */
public final class CorrectionOverlay {

    /** The device id of the events a correction stands for; they are never stored. */
    public static final String DEVICE = "correction";

    private CorrectionOverlay() {
    }

    public static List<Session> apply(List<Session> recorded, List<Correction> approved) {
        List<Session> out = new ArrayList<>(recorded);
        out.sort(Comparator.comparing(s -> s.checkIn().recordTime()));
        for (Correction c : approved) {
            out = applyOne(out, c);
        }
        return out;
    }

    private static List<Session> applyOne(List<Session> sessions, Correction c) {
        List<Session> out = new ArrayList<>(sessions);
        ZoneId zone = ZoneId.of(c.timeZone());
        Instant decided = c.decidedAt() == null ? c.createdAt() : c.decidedAt();
        if (c.checkInTime() != null) {
            Instant in = CorrectionRules.at(c.localDate(), c.checkInTime(), zone);
            if (out.isEmpty()) {
                AttendanceMode mode = c.mode() == null ? AttendanceMode.OFFICE : c.mode();
                out.add(new Session(event(c, "in", EventKind.CHECK_IN, mode, in, decided, Set.of(), null), null));
            } else {
                Session first = out.get(0);
                AttendanceEvent e = first.checkIn();
                out.set(0, new Session(event(c, "in", EventKind.CHECK_IN, e.mode(), in, decided,
                        e.flagSet(), null), first.checkOut()));
            }
        }
        if (c.mode() != null) {
            for (int i = 0; i < out.size(); i++) {
                Session s = out.get(i);
                AttendanceEvent e = s.checkIn();
                out.set(i, new Session(copy(e, e.recordTime(), c.mode()), s.checkOut()));
            }
        }
        if (c.checkOutTime() != null && !out.isEmpty()) {
            Instant at = CorrectionRules.at(c.localDate(), c.checkOutTime(), zone);
            int last = out.size() - 1;
            Session s = out.get(last);
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            if (s.checkOut() != null) {
                flags.addAll(s.checkOut().flagSet());
            }
            // The forgotten check-out is what the correction fixes: no longer an automatic one.
            flags.remove(Flag.AUTO_CHECKOUT);
            out.set(last, new Session(s.checkIn(), event(c, "out", EventKind.CHECK_OUT, s.checkIn().mode(), at,
                    decided, flags, s.checkIn().id())));
        }
        return out;
    }

    private static AttendanceEvent event(Correction c, String suffix, EventKind kind, AttendanceMode mode,
                                         Instant at, Instant received, Set<Flag> flags, String checkInId) {
        return new AttendanceEvent("correction-" + c.id() + "-" + suffix, c.officerNip(), kind, mode,
                "correction-" + c.id(), "", at, at, received, c.localDate(), c.timeZone(), c.unitId(),
                null, null, null, DEVICE, Flag.join(flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags)),
                Verification.VERIFIED, null, checkInId);
    }

    private static AttendanceEvent copy(AttendanceEvent e, Instant at, AttendanceMode mode) {
        return new AttendanceEvent(e.id(), e.officerNip(), e.kind(), mode, e.idempotencyKey(), e.fingerprint(), at,
                e.deviceTime(), e.receiveTime(), e.localDate(), e.timeZone(), e.unitId(), e.latitude(), e.longitude(),
                e.accuracyMeters(), e.deviceId(), e.flags(), e.verification(), e.violation(), e.checkInId());
    }
}
