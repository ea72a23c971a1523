package io.jeda.gateway.app;

import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;

/**
 * Who may use the officer and manager use cases at all. The gateway refuses early what can never
 * be allowed (agency systems never see attendance or plans; only managers have a team); whether a
 * manager decides for a direct report, or an officer touches only their own plan, is checked again
 * by policy-service and attendance-service with the caller's own token.
 */
final class Access {

    private Access() {
    }

    /** An officer acting for themself (a manager is an officer too). */
    static Caller person(Caller c) {
        refuseAgency(c);
        if (!c.has(Role.OFFICER) && !c.has(Role.MANAGER)) {
            throw JedaException.permissionDenied("NOT_AN_OFFICER",
                    "only an officer may use /v1/me; the caller's token names no officer", "subject", c.subject());
        }
        return c;
    }

    /** A manager acting for their direct reports. */
    static Caller manager(Caller c) {
        refuseAgency(c);
        if (!c.has(Role.MANAGER)) {
            throw JedaException.permissionDenied("MANAGER_REQUIRED",
                    "only a manager may use /v1/team", "subject", c.subject());
        }
        return c;
    }

    private static void refuseAgency(Caller c) {
        if (c.has(Role.AGENCY)) {
            throw JedaException.permissionDenied("AGENCY_NOT_ALLOWED",
                    "agency systems may ask about reachability only, never attendance or plans",
                    "subject", c.subject());
        }
    }
}
