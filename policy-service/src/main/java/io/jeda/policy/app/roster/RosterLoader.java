package io.jeda.policy.app.roster;

import io.jeda.common.error.JedaException;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.roster.Roster;
import io.jeda.policy.domain.roster.RosterDetails;
import io.jeda.policy.domain.roster.RosterMember;
import io.jeda.policy.domain.roster.RosterOverride;
import io.jeda.policy.domain.roster.RosterRotation;
import io.jeda.policy.persistence.RosterMemberRepository;
import io.jeda.policy.persistence.RosterOverrideRepository;
import io.jeda.policy.persistence.RosterRepository;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Duration pad = pad(r);
        List<RosterOverride> ovs = overrides.findByRosterIdAndStartTimeLessThanAndEndTimeGreaterThanOrderByStartTime(
                r.id(), to.plus(pad), from.minus(pad));
        return RosterRotation.of(r, details.members(), ovs);
    }

    /**
     * The rotations of several rosters over [from, to), as {@link #rotation} makes each, with one
     * query for their members and one for their overrides (the widest roster's period; each roster
     * then keeps the overrides of its own). Rosters without members are left out.
     */
    public List<RosterRotation> rotations(Collection<Roster> rosterList, Instant from, Instant to) {
        if (rosterList.isEmpty()) {
            return List.of();
        }
        List<String> ids = rosterList.stream().map(Roster::id).toList();
        Map<String, List<RosterMember>> membersOf = new HashMap<>();
        for (RosterMember m : members.findByRosterIdInOrderByRosterIdAscAndSeqAsc(ids)) {
            membersOf.computeIfAbsent(m.rosterId(), k -> new ArrayList<>()).add(m);
        }
        Duration widest = rosterList.stream().map(this::pad).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, List<RosterOverride>> overridesOf = new HashMap<>();
        for (RosterOverride o : overrides.findByRosterIdInAndStartTimeLessThanAndEndTimeGreaterThanOrderByStartTime(
                ids, to.plus(widest), from.minus(widest))) {
            overridesOf.computeIfAbsent(o.rosterId(), k -> new ArrayList<>()).add(o);
        }
        List<RosterRotation> out = new ArrayList<>();
        for (Roster r : rosterList) {
            List<RosterMember> ms = membersOf.getOrDefault(r.id(), List.of());
            if (ms.isEmpty()) {
                continue;
            }
            Duration pad = pad(r);
            Instant end = to.plus(pad);
            Instant start = from.minus(pad);
            List<RosterOverride> ovs = overridesOf.getOrDefault(r.id(), List.of()).stream()
                    .filter(o -> o.startTime().isBefore(end) && o.endTime().isAfter(start)).toList();
            out.add(RosterRotation.of(r, ms, ovs));
        }
        return out;
    }

    private Duration pad(Roster r) {
        return Duration.ofDays(settings.rosterMaxOverrideDays()).plus(Duration.ofHours(2L * r.turnHours()));
    }

}
