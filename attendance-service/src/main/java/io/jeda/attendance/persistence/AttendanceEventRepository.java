package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.LastCheckOut;
import io.jeda.attendance.domain.Verification;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every accepted check-in and check-out. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AttendanceEventRepository extends CrudRepository<AttendanceEvent, String> {

    /** Events still waiting for the policy checks, oldest first (page by the reconciliation batch size). */
    List<AttendanceEvent> findByVerification(Verification verification, Pageable pageable);

    /** How many events are waiting for the policy checks (the reconciliation backlog metric). */
    long countByVerification(Verification verification);

    /** The officer's events whose local dates fall in the range (inclusive), oldest first. */
    List<AttendanceEvent> findByOfficerNipAndLocalDateBetweenOrderByRecordTime(String officerNip, LocalDate from,
                                                                                LocalDate to);

    /** The events of the named officers whose local dates fall in the range (inclusive); by the day index. */
    List<AttendanceEvent> findByOfficerNipInAndLocalDateBetween(java.util.Collection<String> officerNips,
                                                                 LocalDate from, LocalDate to);

    /**
     * The latest check-out at or after {@code since} of each named officer that has one; one query
     * for a whole batch (served by the index on officer, kind and record time). {@code sinceDate}
     * is a local date no later than any event at or after {@code since} can have, {@code untilDate}
     * one no earlier than any event recorded by now: they keep the query on the partitions of those
     * dates instead of every month kept and the empty months made ahead.
     */
    @Query("SELECT officer_nip, MAX(record_time) AS last_check_out FROM attendance_event"
            + " WHERE officer_nip IN (:nips) AND kind = 'CHECK_OUT' AND record_time >= :since"
            + " AND local_date >= :sinceDate AND local_date <= :untilDate GROUP BY officer_nip")
    List<LastCheckOut> findLastCheckOuts(List<String> nips, Instant since, LocalDate sinceDate, LocalDate untilDate);
}
