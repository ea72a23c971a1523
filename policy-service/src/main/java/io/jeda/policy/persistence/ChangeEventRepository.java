package io.jeda.policy.persistence;

import io.jeda.policy.domain.changes.ChangeEvent;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** The change feed's outbox: appended in the changing transaction, read in sequence order, pruned by age. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ChangeEventRepository extends GenericRepository<ChangeEvent, Long> {

    ChangeEvent save(ChangeEvent event);

    /** The changes after a sequence, oldest first. */
    @Query("SELECT * FROM change_event WHERE seq > :after ORDER BY seq LIMIT :limit")
    List<ChangeEvent> after(long after, int limit);

    /** The newest sequence, or 0 when the outbox is empty. */
    @Query("SELECT COALESCE(MAX(seq), 0) FROM change_event")
    long newest();

    /** The oldest sequence still held, or 0 when the outbox is empty. */
    @Query("SELECT COALESCE(MIN(seq), 0) FROM change_event")
    long oldest();

    /**
     * Deletes changes older than the instant, always keeping the newest row (so that the oldest
     * sequence held tells a returning caller whether it missed some). At most {@code limit} rows.
     */
    @Query("DELETE FROM change_event WHERE changed_at < :before AND seq < :newest LIMIT :limit")
    int prune(Instant before, long newest, int limit);
}
