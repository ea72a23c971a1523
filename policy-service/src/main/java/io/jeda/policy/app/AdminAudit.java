package io.jeda.policy.app;

import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.AdminScope;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.common.error.JedaException;
import io.jeda.policy.app.changes.ChangeFeed;
import io.jeda.policy.domain.audit.AdminChange;
import io.jeda.policy.domain.audit.Snapshots;
import io.jeda.policy.persistence.AdminChangeRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Records every admin change (who, what, before and after) and lists them for admins and HR within
 * their scope. A use case records its change after the change is stored, on the same thread and in
 * its transaction; the record also appends the change to the change feed's outbox (so the caches of
 * every gateway and attendance-service replica drop what it touched), in the same transaction.
 */
@Singleton
public class AdminAudit {

    private final AdminChangeRepository changes;
    private final AdminAccess scope;
    private final Clock clock;
    private final ChangeFeed feed;

    public AdminAudit(AdminChangeRepository changes, AdminAccess scope, @Nullable Clock clock, ChangeFeed feed) {
        this.changes = changes;
        this.feed = feed;
        this.scope = scope;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /**
     * @param action   the RPC method, for example {@code UpdateUnit}
     * @param resource the resource name changed
     * @param unitId   the unit the change belongs to; null when it belongs to every unit
     * @param before   the resource before (null for a creation), a record written as JSON
     * @param after    the resource after (null for a deletion)
     */
    @Transactional
    public void record(Caller caller, String action, String resource, @Nullable String unitId,
                       @Nullable Object before, @Nullable Object after) {
        String scopeName = caller.unit() == null ? "" : Caller.NATIONAL.equals(caller.unit()) ? Caller.NATIONAL
                : "units/" + caller.unit();
        changes.save(new AdminChange(null, caller.subject(), scopeName, action, resource, unitId,
                Snapshots.json(before), Snapshots.json(after), clock.instant().truncatedTo(ChronoUnit.MICROS)));
        feed.adminChanged(action, resource, unitId);
    }

    /** A page of changes, newest first; see ListAdminChanges for who may list what. */
    public PageRequest.Page<AdminChange> list(Caller caller, @Nullable String unitId, @Nullable String resource,
                                              PageRequest page) {
        if (!caller.has(Role.ADMIN) && !caller.has(Role.HR) && !caller.has(Role.SERVICE)) {
            throw JedaException.permissionDenied("ADMIN_REQUIRED", "only ADMIN and HR may list admin changes",
                    "subject", caller.subject());
        }
        if (unitId != null) {
            scope.requireUnit(caller, unitId);
        } else if (!AdminScope.isNational(caller)) {
            // Without a unit the list spans every agency.
            throw AdminAccess.outside(caller, "adminChanges");
        }
        int size = page.fetchSize();
        long offset = page.offset();
        if (unitId == null) {
            return page.page(resource == null ? changes.listPage(size, offset)
                    : changes.listByResourcePage(resource, size, offset));
        }
        // The unit and every unit below it.
        List<String> units = scope.subtree(unitId);
        return page.page(resource == null ? changes.listInUnitsPage(units, size, offset)
                : changes.listInUnitsByResourcePage(units, resource, size, offset));
    }
}
