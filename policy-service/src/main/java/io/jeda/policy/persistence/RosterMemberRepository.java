package io.jeda.policy.persistence;

import io.jeda.policy.domain.roster.RosterMember;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

/** Members of roster rotations. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface RosterMemberRepository extends CrudRepository<RosterMember, Long> {

    List<RosterMember> findByRosterIdOrderBySeq(String rosterId);

    /** The members of several rosters at once, by roster and then in rotation order. */
    List<RosterMember> findByRosterIdInOrderByRosterIdAscAndSeqAsc(Collection<String> rosterIds);

    /** Memberships of the officers, as members or as named backups. */
    List<RosterMember> findByOfficerNipInOrBackupNipIn(Collection<String> nips, Collection<String> backups);

    void deleteByRosterId(String rosterId);
}
