package io.jeda.attendance.app;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceMode;
import io.jeda.attendance.domain.AttendanceRecords;
import io.jeda.attendance.domain.AttendanceSettings;
import io.jeda.attendance.domain.OfficerInfo;
import io.jeda.attendance.domain.PlaceRules;
import io.jeda.attendance.domain.PolicyDirectory;
import io.jeda.attendance.domain.PolicyUnavailableException;
import io.jeda.attendance.domain.Position;
import io.jeda.attendance.domain.ScheduleInfo;
import io.jeda.attendance.domain.UnitInfo;
import io.jeda.attendance.domain.Verification;
import io.jeda.common.error.JedaException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Checks again, once policy-service answers, the events accepted while it did not
 * (POLICY_UNVERIFIED): the officer's zone and local date are corrected, and the event becomes
 * VERIFIED, or VIOLATION with the reason it would have been refused. Nothing is ever deleted:
 * the event happened, and HR decides what a violation means.
 */
@Singleton
public class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final AttendanceRecords records;
    private final PolicyDirectory policy;
    private final AttendanceSettings settings;
    private final Clock clock;
    private final int batchSize;

    public Reconciliation(AttendanceRecords records, PolicyDirectory policy,
                          AttendanceSettings settings, Clock clock,
                          @io.micronaut.context.annotation.Value("${jeda.attendance.reconciliation.batch-size:500}")
                          int batchSize) {
        this.records = records;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Reconciles every event waiting, a batch at a time, until none is left or policy-service stops
     * answering: after an outage the backlog is caught up in one run, not one batch per interval.
     * An event that cannot be recorded (the database failed on it) is left for the next run and the
     * others go on; a run also ends when a whole batch made no progress, so such events cannot keep
     * it busy.
     *
     * @return how many events were reconciled
     */
    public int catchUp() {
        long started = System.nanoTime();
        int total = 0;
        while (true) {
            Run run = reconcileBatch();
            total += run.reconciled();
            if (run.policyUnavailable() || run.read() < batchSize || run.reconciled() == 0) {
                if (run.policyUnavailable()) {
                    LOG.info("policy-service still unavailable; {} events reconciled this run", total);
                }
                break;
            }
        }
        if (total > 0) {
            LOG.info("reconciliation: {} events checked again in {} ms", total,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return total;
    }

    /** One batch: how many events were read, how many reconciled, and whether policy-service stopped answering. */
    private record Run(int read, int reconciled, boolean policyUnavailable) {
    }

    private Run reconcileBatch() {
        List<AttendanceEvent> waiting = records.unverified(batchSize);
        int done = 0;
        for (AttendanceEvent e : waiting) {
            try {
                reconcile(e);
                done++;
            } catch (PolicyUnavailableException ex) {
                return new Run(waiting.size(), done, true);
            } catch (RuntimeException ex) {
                LOG.warn("cannot record the reconciliation of event {}; left for the next run", e.id(), ex);
            }
        }
        return new Run(waiting.size(), done, false);
    }

    private void reconcile(AttendanceEvent e) {
        java.time.Instant deadline = clock.instant().plus(settings.policyDeadline());
        OfficerInfo officer = policy.officer(e.officerNip(), deadline).orElse(null);
        if (officer == null) {
            record(e, Verification.VIOLATION, "OFFICER_NOT_FOUND", e.localDate(), ZoneId.of(e.timeZone()), e.unitId());
            return;
        }
        ZoneId zone = officer.timeZone();
        LocalDate date = LocalDate.ofInstant(e.recordTime(), zone);
        Position position = e.position();
        if (position == null) {
            // An automatic check-out has no place to check; only its date and zone are corrected.
            record(e, Verification.VERIFIED, null, date, zone, officer.unitId());
            return;
        }
        String violation = null;
        try {
            ScheduleInfo schedule = policy.schedule(e.officerNip(), date, deadline);
            PlaceRules.requireModeAllowed(e.mode(), schedule);
            UnitInfo unit = null;
            if (e.mode() == AttendanceMode.OFFICE) {
                unit = policy.unit(officer.unitId(), deadline).orElse(null);
                if (unit == null) {
                    violation = "UNIT_NOT_FOUND";
                }
            }
            if (violation == null) {
                PlaceRules.requireInsideGeofence(e.mode(), position, officer, unit);
            }
        } catch (JedaException rule) {
            violation = rule.reason();
        }
        record(e, violation == null ? Verification.VERIFIED : Verification.VIOLATION, violation, date, zone,
                officer.unitId());
    }

    private void record(AttendanceEvent e, Verification v, String violation, LocalDate date, ZoneId zone, String unitId) {
        // Everything policy-service is asked comes first, so an outage now writes nothing half-way.
        java.time.LocalTime close = unitId == null ? settings.defaultDayClose()
                : policy.unit(unitId, clock.instant().plus(settings.policyDeadline()))
                .map(UnitInfo::dayCloseTime).orElse(settings.defaultDayClose());
        records.reconciled(e, v, violation, date, zone.getId(), unitId,
                date.atTime(close).atZone(zone).toInstant());
    }
}
