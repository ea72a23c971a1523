package io.jeda.gateway.client;

import io.jeda.common.changes.PolicyChangeFollower;
import io.jeda.common.security.ServiceIdentity;
import jakarta.inject.Singleton;

/**
 * What this gateway replica drops on each change of policy-service's change feed: the officer's
 * cached record and days, a unit's rosters with every slot and day resolved through them, or
 * everything ({@link PolicyChangeFollower} follows the feed).
 */
@Singleton
public class PolicyChangeEvictions implements PolicyChangeFollower.Evictions {

    private final PolicyClient policy;
    private final ServiceIdentity identity;

    public PolicyChangeEvictions(PolicyClient policy, ServiceIdentity identity) {
        this.policy = policy;
        this.identity = identity;
    }

    @Override
    public ServiceIdentity identity() {
        return identity;
    }

    @Override
    public void officerChanged(String nip) {
        policy.forgetOfficer(nip);
    }

    @Override
    public void unitChanged(String unitId) {
        policy.forgetUnit(unitId);
    }

    @Override
    public void everythingChanged() {
        policy.forgetAll();
    }
}
