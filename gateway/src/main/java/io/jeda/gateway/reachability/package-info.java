/**
 * The gateway's reachability engine: DESIGN.md's "may this officer be contacted right now, and if not,
 * when, or whom instead?" as pure rules, free of gRPC, protobuf, HTTP and caches.
 *
 * <p>How the rest of the gateway plugs in:
 * <ul>
 *   <li>the policy-service and attendance-service clients (with Caffeine caches and deadlines)
 *       implement {@link io.jeda.gateway.reachability.ReachabilityData}, mapping
 *       {@code EffectiveSchedule}, {@code OnCallSlot}, {@code Officer} and the attendance status onto
 *       {@link io.jeda.gateway.reachability.DaySchedule}, {@link io.jeda.gateway.reachability.OnCallSlot},
 *       {@link io.jeda.gateway.reachability.OfficerProfile} and
 *       {@link io.jeda.gateway.reachability.AttendanceNow}, and returning
 *       {@link io.jeda.gateway.reachability.Sourced#unavailable(String)} instead of throwing;</li>
 *   <li>a factory binds {@link io.jeda.gateway.reachability.ReachabilitySettings} from configuration and
 *       provides a {@link java.time.Clock}; {@link io.jeda.gateway.reachability.ReachabilityEngine} is a
 *       singleton bean over the three;</li>
 *   <li>the gRPC and REST mappers turn a {@link io.jeda.gateway.reachability.ReachabilityQuery} in and a
 *       {@link io.jeda.gateway.reachability.Reachability} out; the audit log records each answer.</li>
 * </ul>
 */
package io.jeda.gateway.reachability;
