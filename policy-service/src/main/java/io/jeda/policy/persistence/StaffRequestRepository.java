package io.jeda.policy.persistence;

import io.jeda.policy.domain.request.StaffRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Requests officers make (leave, travel, on-call swaps). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface StaffRequestRepository extends CrudRepository<StaffRequest, String> {

    /** The request an earlier create with the same client-made key stored. */
    Optional<StaffRequest> findByOfficerNipAndRequestId(String officerNip, String requestId);

    /** Pending or approved leave and travel of an officer overlapping [from, to]. */
    @Query("SELECT * FROM staff_request WHERE officer_nip = :nip AND kind IN ('LEAVE', 'OFFICIAL_TRAVEL')"
            + " AND state IN ('AWAITING_MANAGER', 'APPROVED') AND start_date <= :to AND end_date >= :from")
    List<StaffRequest> findHoldingAbsences(String nip, LocalDate from, LocalDate to);

    /** Pending swaps of a roster that involve a turn starting at either instant. */
    @Query("SELECT * FROM staff_request WHERE roster_id = :rosterId"
            + " AND state IN ('AWAITING_COUNTERPART', 'AWAITING_MANAGER')"
            + " AND (first_slot_time IN (:a, :b) OR second_slot_time IN (:a, :b))")
    List<StaffRequest> findPendingSwapsOfTurns(String rosterId, Instant a, Instant b);

    /**
     * Moves a request only if it is still in the expected state and version; rows changed (0 when
     * someone else moved it first, so a double approval cannot record two absences).
     */
    @Query("UPDATE staff_request SET state = :toState, decision_reason = :reason, decided_by = :by,"
            + " absence_id = :absenceId, updated_at = :now, version = version + 1"
            + " WHERE id = :id AND state = :fromState AND version = :version")
    int moveIfCurrent(String id, String fromState, long version, String toState, String reason, String by,
                      @Nullable String absenceId, Instant now);

    /** One page of the requests an officer made or is the counterpart of, newest first. */
    @Query("SELECT * FROM staff_request WHERE (officer_nip = :nip OR counterpart_nip = :nip)"
            + " AND (:state IS NULL OR state = :state)"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<StaffRequest> listOfOfficer(String nip, @Nullable String state, int limit, long offset);

    /** One page of the requests of a manager's direct reports, newest first. */
    @Query("SELECT * FROM staff_request WHERE officer_nip IN (SELECT nip FROM officer WHERE manager_nip = :managerNip)"
            + " AND (:state IS NULL OR state = :state)"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<StaffRequest> listOfManager(String managerNip, @Nullable String state, int limit, long offset);
}
