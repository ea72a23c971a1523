package io.jeda.gateway.client;

import io.jeda.gateway.reachability.AttendanceNow;
import io.jeda.gateway.reachability.Sourced;

import java.util.Collection;

/**
 * The attendance side of the engine's data port: whether an officer is checked in now and when they
 * last checked out. A client of attendance-service (AttendanceService.GetCurrentStatus /
 * BatchGetCurrentStatuses, with a deadline and a short-lived cache) implements it; like every data
 * source it never throws for a slow or absent service but answers
 * {@link Sourced#unavailable(String)} with {@link io.jeda.gateway.reachability.Sources#ATTENDANCE}.
 *
 * <p>An implementation in this package should do what {@link PolicyClient} does: take each call's
 * deadline from {@link AnswerBudget#callDeadline} with {@code GatewaySettings.attendanceDeadline()},
 * report failures with {@link AnswerBudget#failed}, present the gateway's {@link io.jeda.common.security.ServiceIdentity} as call
 * credentials on the {@code @GrpcChannel("attendance")} channel, and cache statuses for
 * {@code GatewaySettings.statusExpiry()}.
 */
public interface AttendanceSource {

    Sourced<AttendanceNow> attendance(String nip);

    /**
     * A hint that the officer's status will be asked for soon: an implementation may start reading it
     * now, without waiting, so that the read runs alongside others. Never throws; the default does nothing.
     */
    default void begin(String nip) {
    }

    /**
     * A hint that the statuses of these officers are about to be asked for one by one (a batch or a
     * unit page): an implementation may read them in one call. Never throws; the default does nothing.
     */
    default void prefetch(Collection<String> nips) {
    }

    /**
     * Forgets what is known of the officer's attendance, after a check-in or check-out made through
     * this gateway changed it; other gateway instances see the change when their entries expire.
     */
    default void forget(String nip) {
    }
}
