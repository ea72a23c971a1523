package io.jeda.policy.domain.roster;

import java.util.List;

/**
 * A roster together with its members in rotation order: what the API calls a roster, stored as
 * one roster row and one roster_member row per member.
 */
public record RosterDetails(Roster roster, List<RosterMember> members) {

    public RosterDetails {
        members = List.copyOf(members);
    }
}
