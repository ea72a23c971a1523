package io.jeda.attendance.domain;

import io.jeda.attendance.persistence.AttendanceStore;
import io.jeda.attendance.persistence.OpenSessionRepository;
import io.jeda.common.error.JedaException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The end-of-day rule: a check-in still open when its local date closes (the unit's day-close
 * time, in the officer's zone) is closed at that time by a check-out flagged AUTO_CHECKOUT. The
 * automatic check-out uses an idempotency key no client can send, so running the rule twice, or
 * on two replicas at once, closes each session once.
 */
@Singleton
public class EndOfDay {

    /** Prefix of the idempotency keys of automatic check-outs; '#' and '/' are refused in client keys. */
    static final String AUTO_KEY_PREFIX = "#auto/";
    private static final Logger LOG = LoggerFactory.getLogger(EndOfDay.class);

    private final OpenSessionRepository sessions;
    private final AttendanceStore store;
    private final PolicyDirectory policy;
    private final AttendanceSettings settings;
    private final Clock clock;

    public EndOfDay(OpenSessionRepository sessions, AttendanceStore store, PolicyDirectory policy,
                    AttendanceSettings settings, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    /** Closes every session whose day has closed by {@code now}; returns how many it closed. */
    public int closeForgottenCheckOuts(Instant now) {
        int closed = 0;
        for (OpenSession s : sessions.findBySinceLessThan(now)) {
            ZoneId zone = ZoneId.of(s.timeZone());
            Instant closeAt = s.localDate().atTime(dayClose(s)).atZone(zone).toInstant();
            if (now.isBefore(closeAt)) {
                continue;
            }
            Instant recordTime = closeAt.isBefore(s.since()) ? s.since() : closeAt;
            Set<Flag> flags = EnumSet.of(Flag.AUTO_CHECKOUT);
            if (s.unverified()) {
                flags.add(Flag.POLICY_UNVERIFIED);
            }
            AttendanceEvent out = new AttendanceEvent(UUID.randomUUID().toString(), s.officerNip(), EventKind.CHECK_OUT,
                    s.mode(), AUTO_KEY_PREFIX + s.checkInId(), "auto", recordTime, recordTime,
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), s.localDate(), s.timeZone(),
                    s.unitId(), null, null, null, "", Flag.join(flags),
                    s.unverified() ? Verification.UNVERIFIED : Verification.VERIFIED, null, s.checkInId());
            try {
                store.checkOut(out);
                closed++;
            } catch (JedaException e) {
                // The officer checked out meanwhile; nothing to close.
            } catch (RuntimeException e) {
                if (!AttendanceStore.isDuplicateKey(e)) {
                    LOG.error("cannot close the session of {}", s.officerNip(), e);
                }
            }
        }
        if (closed > 0) {
            LOG.info("end of day: closed {} forgotten check-outs", closed);
        }
        return closed;
    }

    /** The unit's day-close time; the configured default when policy-service cannot say. */
    private LocalTime dayClose(OpenSession s) {
        Instant deadline = clock.instant().plus(settings.policyDeadline());
        try {
            String unitId = s.unitId();
            if (unitId == null) {
                unitId = policy.officer(s.officerNip(), deadline).map(OfficerInfo::unitId).orElse(null);
            }
            if (unitId != null) {
                return policy.unit(unitId, deadline).map(UnitInfo::dayCloseTime).orElse(settings.defaultDayClose());
            }
        } catch (PolicyUnavailableException e) {
            LOG.warn("policy-service unavailable; closing {}'s day at the default time", s.officerNip());
        }
        return settings.defaultDayClose();
    }
}
