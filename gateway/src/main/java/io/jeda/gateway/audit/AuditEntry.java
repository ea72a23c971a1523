package io.jeda.gateway.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One audited reachability answer: who asked (client id, the token's subject), about whom, with
 * which urgency, and what the gateway answered.
 *
 * @param id       assigned by the database; null before insert
 * @param askedAt  when the question was answered (UTC)
 * @param urgency  ROUTINE, URGENT or EMERGENCY
 * @param state    the engine's state name (AVAILABLE, ...)
 * @param entryId  a stable id made when the answer was given (a UUID): writing the same entry again,
 *                 as a replay of the local spool may, adds no second row; null in rows from before
 */
@MappedEntity("reachability_audit")
public record AuditEntry(@Id @GeneratedValue @Nullable Long id, Instant askedAt, String clientId,
                         String officerNip, String urgency, String state, boolean reachable, boolean degraded,
                         @Nullable String entryId) {
}
