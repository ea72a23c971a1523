package io.jeda.policy.app.roster;

import io.jeda.common.error.JedaException;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.roster.Roster;
import io.jeda.policy.domain.roster.RosterDetails;
import io.jeda.policy.domain.roster.RosterOverride;
import io.jeda.policy.domain.roster.RosterRotation;
import io.jeda.policy.persistence.RosterMemberRepository;
import io.jeda.policy.persistence.RosterOverrideRepository;
import io.jeda.policy.persistence.RosterRepository;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads a roster and the overrides that matter for a period and builds its rotation; shared by the
 * roster API and the on-call lookup so that both answer from the same rules.
 */
@Singleton
public class RosterLoader {

    private final RosterRepository rosters;
    private final RosterMemberRepository members;
    private final RosterOverrideRepository overrides;
    private final PolicySettings settings;

    public RosterLoader(RosterRepository rosters, RosterMemberRepository members, RosterOverrideRepository overrides,
                        PolicySettings settings) {
        this.rosters = rosters;
        this.members = members;
        this.overrides = overrides;
        this.settings = settings;
    }

    /** @throws JedaException NOT_FOUND (ROSTER_NOT_FOUND) */
    public RosterDetails require(String rosterId) {
        Roster r = rosters.findById(rosterId)
                .orElseThrow(() -> JedaException.notFound("roster", "rosters/" + rosterId));
        return new RosterDetails(r, members.findByRosterIdOrderBySeq(rosterId));
    }

    /**
     * The rotation with every override that can shape a slot overlapping [from, to): the overrides
     * overlapping the period widened by the longest override and a turn each side, because a slot made
     * by an override is reported whole.
     */
    public RosterRotation rotation(RosterDetails details, Instant from, Instant to) {
        Roster r = details.roster();
        Duration pad = Duration.ofDays(settings.rosterMaxOverrideDays()).plus(Duration.ofHours(2L * r.turnHours()));
        List<RosterOverride> ovs = overrides.findByRosterIdAndStartTimeLessThanAndEndTimeGreaterThanOrderByStartTime(
                r.id(), to.plus(pad), from.minus(pad));
        return RosterRotation.of(r, details.members(), ovs);
    }

}
