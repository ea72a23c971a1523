package io.jeda.attendance.app;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceRecords;
import io.jeda.attendance.domain.AttendanceWriter;
import io.jeda.attendance.domain.EventIds;
import io.jeda.attendance.domain.EventKind;
import io.jeda.attendance.domain.Flag;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.attendance.domain.Verification;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The end-of-day rule: a check-in still open when its local date closes (the unit's day-close
 * time, in the officer's zone, stored with the session as {@code close_at}) is closed at that time
 * by a check-out flagged AUTO_CHECKOUT. Only due sessions are read, a page at a time. A session
 * received less than a grace period ago (an offline check-in synced late, whose day has already
 * closed) is left for a later run, so the check-out the phone queued behind it still lands. The
 * automatic check-out uses an idempotency key no client can send, so running the rule twice, or
 * on two replicas at once, closes each session once.
 */
@Singleton
public class EndOfDay {

    /** Prefix of the idempotency keys of automatic check-outs; '#' and '/' are refused in client keys. */
    static final String AUTO_KEY_PREFIX = "#auto/";
    private static final Logger LOG = LoggerFactory.getLogger(EndOfDay.class);

    private final AttendanceRecords records;
    private final AttendanceWriter writer;
    private final Clock clock;
    private final int batchSize;
    private final java.time.Duration lateSyncGrace;

    public EndOfDay(AttendanceRecords records, AttendanceWriter writer, Clock clock,
                    @Value("${jeda.attendance.end-of-day.batch-size:1000}") int batchSize,
                    @Value("${jeda.attendance.end-of-day.late-sync-grace:15m}") java.time.Duration lateSyncGrace) {
        this.records = records;
        this.writer = writer;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lateSyncGrace = lateSyncGrace;
    }

    /** Closes every session whose day has closed by {@code now}, a page at a time; returns how many. */
    public int closeForgottenCheckOuts(Instant now) {
        int closed = 0;
        while (true) {
            List<OpenSession> due = records.dueSessions(now, now.minus(lateSyncGrace), batchSize);
            int gone = 0;
            for (OpenSession s : due) {
                switch (close(s)) {
                    case CLOSED -> {
                        closed++;
                        gone++;
                    }
                    case ALREADY_CLOSED -> gone++;
                    case FAILED -> {
                        // Left for the next run.
                    }
                }
            }
            // A page with sessions that could not be closed would be read again forever.
            if (due.size() < batchSize || gone < due.size()) {
                break;
            }
        }
        if (closed > 0) {
            LOG.info("end of day: closed {} forgotten check-outs", closed);
        }
        return closed;
    }

    private enum Outcome { CLOSED, ALREADY_CLOSED, FAILED }

    private Outcome close(OpenSession s) {
        Instant recordTime = s.closeAt().isBefore(s.since()) ? s.since() : s.closeAt();
        Set<Flag> flags = EnumSet.of(Flag.AUTO_CHECKOUT);
        if (s.unverified()) {
            flags.add(Flag.POLICY_UNVERIFIED);
        }
        AttendanceEvent out = new AttendanceEvent(EventIds.next(clock), s.officerNip(), EventKind.CHECK_OUT,
                s.mode(), AUTO_KEY_PREFIX + s.checkInId(), "auto", recordTime, recordTime,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), s.localDate(), s.timeZone(), s.unitId(),
                null, null, null, "", Flag.join(flags),
                s.unverified() ? Verification.UNVERIFIED : Verification.VERIFIED, null, s.checkInId());
        try {
            // Replayed: closed by another run (same key); refused for good: the officer checked out.
            return writer.checkOut(out).fold(stored -> Outcome.CLOSED, replayed -> Outcome.ALREADY_CLOSED,
                    refused -> refused.reason().isTransient() ? Outcome.FAILED : Outcome.ALREADY_CLOSED);
        } catch (RuntimeException e) {
            LOG.error("cannot close the session of {}", s.officerNip(), e);
            return Outcome.FAILED;
        }
    }
}
