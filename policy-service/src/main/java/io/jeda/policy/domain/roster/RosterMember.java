package io.jeda.policy.domain.roster;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A member of a roster's rotation, at position seq, with an optional named backup. */
@MappedEntity("roster_member")
public record RosterMember(@Id @GeneratedValue @Nullable Long id, String rosterId, int seq, String officerNip,
                           @Nullable String backupNip) {
}
