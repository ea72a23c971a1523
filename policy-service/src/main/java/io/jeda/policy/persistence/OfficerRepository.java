package io.jeda.policy.persistence;

import io.jeda.policy.domain.organisation.Officer;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Officers; the only store of domiciles. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface OfficerRepository extends CrudRepository<Officer, String> {

    List<Officer> findByNipIn(Collection<String> nips);

    List<Officer> findByManagerNip(String managerNip);

    /** Takes the officer's row lock until the transaction ends (serialises one officer's requests). */
    @Query("SELECT * FROM officer WHERE nip = :nip FOR UPDATE")
    Optional<Officer> lockByNip(String nip);

    /** One page of all officers, ordered by NIP. */
    @Query("SELECT * FROM officer ORDER BY nip LIMIT :limit OFFSET :offset")
    List<Officer> listPage(int limit, long offset);

    /** One page of a unit's officers, ordered by NIP. */
    @Query("SELECT * FROM officer WHERE unit_id = :unitId ORDER BY nip LIMIT :limit OFFSET :offset")
    List<Officer> listByUnitPage(String unitId, int limit, long offset);

    /** One page of the officers of the named units (a scoped admin's subtree), ordered by NIP. */
    @Query("SELECT * FROM officer WHERE unit_id IN (:unitIds) ORDER BY nip LIMIT :limit OFFSET :offset")
    List<Officer> listByUnitInPage(Collection<String> unitIds, int limit, long offset);

    /** One page of a manager's direct reports, ordered by NIP. */
    @Query("SELECT * FROM officer WHERE manager_nip = :managerNip ORDER BY nip LIMIT :limit OFFSET :offset")
    List<Officer> listByManagerPage(String managerNip, int limit, long offset);

    /** One page of a manager's direct reports inside one unit, ordered by NIP. */
    @Query("SELECT * FROM officer WHERE unit_id = :unitId AND manager_nip = :managerNip ORDER BY nip "
            + "LIMIT :limit OFFSET :offset")
    List<Officer> listByUnitAndManagerPage(String unitId, String managerNip, int limit, long offset);
}
