/**
 * The gateway's use cases, between the entry points ({@code grpc/}, {@code http/}) and what lies
 * below ({@code reachability/} the pure engine, {@code client/} the adapters of policy-service and
 * attendance-service, {@code audit/}): reachability questions ({@link io.jeda.gateway.app.ReachabilityQueries},
 * through the jeda.gateway.v1 messages both entry points carry in {@link io.jeda.gateway.app.ReachabilityApi}),
 * an officer's own requests ({@link io.jeda.gateway.app.OfficerRequests}) and a manager's
 * ({@link io.jeda.gateway.app.TeamRequests}), forwarded with the caller's own token. Authorization,
 * request bounds, time budgets, the audit record and cache invalidation after a write happen here,
 * whichever entry point the request came through.
 */
package io.jeda.gateway.app;
