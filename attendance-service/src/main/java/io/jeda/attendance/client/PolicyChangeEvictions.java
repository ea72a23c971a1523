package io.jeda.attendance.client;

import io.jeda.common.changes.PolicyChangeFollower;
import io.jeda.common.security.ServiceIdentity;
import jakarta.inject.Singleton;

/**
 * What this replica drops on each change of policy-service's change feed: the officer's cached
 * record and days, a unit, or everything ({@link PolicyChangeFollower} follows the feed).
 */
@Singleton
public class PolicyChangeEvictions implements PolicyChangeFollower.Evictions {

    private final GrpcPolicyDirectory directory;

    public PolicyChangeEvictions(GrpcPolicyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public ServiceIdentity identity() {
        return directory.identity();
    }

    @Override
    public void officerChanged(String nip) {
        directory.forgetOfficer(nip);
    }

    @Override
    public void unitChanged(String unitId) {
        directory.forgetUnit(unitId);
    }

    @Override
    public void everythingChanged() {
        directory.invalidateAll();
    }
}
