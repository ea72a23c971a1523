package io.jeda.gateway;

import io.jeda.common.security.ServiceIdentity;
import io.jeda.common.security.TokenService;
import io.jeda.gateway.reachability.ReachabilitySettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Binds the engine's rule numbers from {@code jeda.gateway.reachability.*}; provides the service identity and the clock. */
@Factory
public class GatewayFactory {

    @Singleton
    ReachabilitySettings reachabilitySettings(
            @Value("${jeda.gateway.reachability.min-rest-after-late-work:11h}") Duration minRest,
            @Value("${jeda.gateway.reachability.urgent-respond-within:2h}") Duration urgentWithin,
            @Value("${jeda.gateway.reachability.emergency-respond-within:15m}") Duration emergencyWithin,
            @Value("${jeda.gateway.reachability.routine-respond-working-days:1}") int routineDays,
            @Value("${jeda.gateway.reachability.routine-respond-fallback:3d}") Duration routineFallback,
            @Value("${jeda.gateway.reachability.lookahead-days:14}") int lookaheadDays,
            @Value("${jeda.gateway.reachability.search-depth:3}") int searchDepth,
            @Value("${jeda.gateway.reachability.max-candidates:50}") int maxCandidates,
            @Value("${jeda.gateway.reachability.contact-manager:true}") boolean contactManager,
            @Value("${jeda.gateway.reachability.emergency-needs-check-in:true}") boolean emergencyNeedsCheckIn,
            @Value("${jeda.gateway.reachability.check-in-covers:16h}") Duration checkInCovers) {
        return new ReachabilitySettings(minRest, urgentWithin, emergencyWithin, routineDays, routineFallback,
                lookaheadDays, searchDepth, maxCandidates, contactManager, emergencyNeedsCheckIn, checkInCovers);
    }

    /**
     * The gateway's own SERVICE identity towards policy-service and attendance-service, for the reads
     * behind reachability answers (requests of a person are forwarded with the person's own token).
     */
    @Singleton
    ServiceIdentity serviceIdentity(TokenService tokens, GatewaySettings settings) {
        return new ServiceIdentity(tokens, settings.serviceClientId(), settings.serviceTokenTtl());
    }

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
