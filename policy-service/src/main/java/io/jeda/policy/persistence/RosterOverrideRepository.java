package io.jeda.policy.persistence;

import io.jeda.policy.domain.roster.RosterOverride;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Overrides of roster slots. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface RosterOverrideRepository extends CrudRepository<RosterOverride, String> {

    /** Overrides of a roster overlapping [from, to). */
    List<RosterOverride> findByRosterIdAndStartTimeLessThanAndEndTimeGreaterThanOrderByStartTime(
            String rosterId, Instant to, Instant from);

    /** Overrides of any of the rosters overlapping [from, to). */
    List<RosterOverride> findByRosterIdInAndStartTimeLessThanAndEndTimeGreaterThanOrderByStartTime(
            Collection<String> rosterIds, Instant to, Instant from);

    /** Overrides of a roster still running after the instant (the ones a cap check must count). */
    List<RosterOverride> findByRosterIdAndEndTimeGreaterThanOrderByStartTime(String rosterId, Instant from);

    /** Overrides naming any of the officers and overlapping [from, to). */
    List<RosterOverride> findByOfficerNipInAndStartTimeLessThanAndEndTimeGreaterThan(
            Collection<String> nips, Instant to, Instant from);
}
