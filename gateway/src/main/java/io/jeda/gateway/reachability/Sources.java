package io.jeda.gateway.reachability;

/** Names of the services behind the gateway, as they appear in {@link Reachability#degradedSources()}. */
public final class Sources {

    /** Officers, schedules, rosters. */
    public static final String POLICY = "policy-service";
    /** Check-ins and check-outs. */
    public static final String ATTENDANCE = "attendance-service";

    private Sources() {
    }
}
