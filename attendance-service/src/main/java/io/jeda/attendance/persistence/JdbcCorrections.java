package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.Correction;
import io.jeda.attendance.domain.CorrectionState;
import io.jeda.attendance.domain.Corrections;
import io.jeda.common.error.JedaException;
import io.jeda.common.sql.SqlErrors;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@link Corrections} on the attendance database. The unique keys decide the races: one row per
 * officer and request id (a retry), one pending correction per officer-day.
 */
@Singleton
public class JdbcCorrections implements Corrections {

    private final CorrectionRepository rows;

    public JdbcCorrections(CorrectionRepository rows) {
        this.rows = rows;
    }

    @Override
    public Created create(Correction correction) {
        try {
            return new Created.Stored(rows.save(correction));
        } catch (RuntimeException e) {
            if (!SqlErrors.isDuplicateKey(e)) {
                throw e;
            }
            Optional<Correction> same = rows.findByRequest(correction.officerNip(), correction.requestId());
            if (same.isPresent()) {
                return new Created.Replayed(same.get());
            }
            Optional<Correction> pending = rows.findPending(correction.officerNip(), correction.localDate());
            if (pending.isPresent()) {
                return new Created.PendingExists(pending.get());
            }
            throw e;
        }
    }

    @Override
    public Optional<Correction> find(String id) {
        return rows.findById(id);
    }

    @Override
    public Optional<Correction> byRequest(String nip, String requestId) {
        return rows.findByRequest(nip, requestId);
    }

    @Override
    public Correction decide(Correction decided) {
        rows.decide(decided.id(), decided.state().name(), decided.decidedBy(), decided.decidedAt(),
                decided.decisionReason());
        return rows.findById(decided.id()).orElseThrow(() ->
                JedaException.notFound("attendanceCorrection", "attendanceCorrections/" + decided.id()));
    }

    @Override
    public List<Correction> ofOfficer(String nip, CorrectionState state, int size, long offset) {
        return state == null ? rows.ofOfficer(nip, size, offset) : rows.ofOfficerInState(nip, state.name(), size, offset);
    }

    @Override
    public List<Correction> ofManager(String managerNip, CorrectionState state, int size, long offset) {
        return state == null ? rows.ofManager(managerNip, size, offset)
                : rows.ofManagerInState(managerNip, state.name(), size, offset);
    }

    @Override
    public List<Correction> approved(String nip, LocalDate from, LocalDate to) {
        return rows.approved(nip, from, to);
    }
}
