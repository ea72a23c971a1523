package io.jeda.policy.app.roster;

import io.jeda.policy.domain.roster.OnCallLookup;
import io.jeda.policy.domain.roster.OnCallSlot;
import io.jeda.policy.domain.roster.RosterRotation;
import io.jeda.policy.persistence.RosterMemberRepository;
import io.jeda.policy.persistence.RosterOverrideRepository;
import io.jeda.policy.persistence.RosterRepository;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roster side of the on-call lookup: every slot of every roster in which the officers are
 * primary or backup, computed by the same rotation rules as the roster API.
 */
@Singleton
public class OnCallLookupService implements OnCallLookup {

    private final RosterRepository rosters;
    private final RosterMemberRepository members;
    private final RosterOverrideRepository overrides;
    private final RosterLoader loader;

    public OnCallLookupService(RosterRepository rosters, RosterMemberRepository members,
                               RosterOverrideRepository overrides, RosterLoader loader) {
        this.rosters = rosters;
        this.members = members;
        this.overrides = overrides;
        this.loader = loader;
    }

    @Override
    public List<OnCallSlot> slotsFor(Collection<String> nips, Instant from, Instant to) {
        if (nips == null || nips.isEmpty() || from == null || to == null || !to.isAfter(from)) {
            return List.of();
        }
        Set<String> wanted = Set.copyOf(nips);
        // Rosters where they are members or named backups, and rosters where an override names them.
        Set<String> rosterIds = new TreeSet<>();
        members.findByOfficerNipInOrBackupNipIn(wanted, wanted).forEach(m -> rosterIds.add(m.rosterId()));
        overrides.findByOfficerNipInAndStartTimeLessThanAndEndTimeGreaterThan(wanted, to, from)
                .forEach(o -> rosterIds.add(o.rosterId()));
        if (rosterIds.isEmpty()) {
            return List.of();
        }
        List<OnCallSlot> out = new ArrayList<>();
        // Members and overrides of every roster involved in one query each, not two per roster.
        for (RosterRotation rotation : loader.rotations(rosters.findByIdIn(rosterIds), from, to)) {
            for (OnCallSlot s : rotation.slots(from, to)) {
                if (wanted.contains(s.primaryNip()) || (s.backupNip() != null && wanted.contains(s.backupNip()))) {
                    out.add(s);
                }
            }
        }
        out.sort(Comparator.comparing(OnCallSlot::start).thenComparing(OnCallSlot::rosterId));
        return out;
    }
}
