package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.Correction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Attendance corrections; a decision is the only update, and nothing is deleted. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface CorrectionRepository extends GenericRepository<Correction, String> {

    Correction save(Correction correction);

    Optional<Correction> findById(String id);

    @Query("SELECT * FROM attendance_correction WHERE officer_nip = :nip AND request_id = :requestId")
    Optional<Correction> findByRequest(String nip, String requestId);

    @Query("SELECT * FROM attendance_correction WHERE officer_nip = :nip AND pending_date = :date")
    Optional<Correction> findPending(String nip, LocalDate date);

    /** Records a decision on a correction still PENDING; 0 rows when it was decided meanwhile. */
    @Query("UPDATE attendance_correction SET state = :state, decided_by = :decidedBy, decided_at = :decidedAt, "
            + "decision_reason = :decisionReason, pending_date = NULL WHERE id = :id AND state = 'PENDING'")
    int decide(String id, String state, String decidedBy, Instant decidedAt, @Nullable String decisionReason);

    @Query("SELECT * FROM attendance_correction WHERE officer_nip = :nip "
            + "ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
    List<Correction> ofOfficer(String nip, int size, long offset);

    @Query("SELECT * FROM attendance_correction WHERE officer_nip = :nip AND state = :state "
            + "ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
    List<Correction> ofOfficerInState(String nip, String state, int size, long offset);

    @Query("SELECT * FROM attendance_correction WHERE manager_nip = :nip "
            + "ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
    List<Correction> ofManager(String nip, int size, long offset);

    @Query("SELECT * FROM attendance_correction WHERE manager_nip = :nip AND state = :state "
            + "ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
    List<Correction> ofManagerInState(String nip, String state, int size, long offset);

    @Query("SELECT * FROM attendance_correction WHERE officer_nip = :nip AND local_date >= :from "
            + "AND local_date <= :to AND state = 'APPROVED' ORDER BY decided_at, id")
    List<Correction> approved(String nip, LocalDate from, LocalDate to);
}
