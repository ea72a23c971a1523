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

    /** Reconciles up to one batch; stops early while policy-service is still unavailable. Returns how many. */
    public int reconcileBatch() {
        int done = 0;
        for (AttendanceEvent e : records.unverified(batchSize)) {
            try {
                reconcile(e);
                done++;
            } catch (PolicyUnavailableException ex) {
                LOG.info("policy-service still unavailable; {} events reconciled this run", done);
                break;
            }
        }
        return done;
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
