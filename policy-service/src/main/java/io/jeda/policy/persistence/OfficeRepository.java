package io.jeda.policy.persistence;

import io.jeda.policy.domain.organisation.Office;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

/** Offices of units, with their geofences. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface OfficeRepository extends CrudRepository<Office, Long> {

    List<Office> findByUnitIdOrderByCode(String unitId);

    List<Office> findByUnitIdInOrderByCode(Collection<String> unitIds);

    void deleteByUnitId(String unitId);
}
