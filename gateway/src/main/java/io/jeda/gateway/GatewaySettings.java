package io.jeda.gateway;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The gateway's own numbers outside the reachability rules: deadlines towards the services behind
 * it, the budget of one answer, cache sizes and expiries, and request bounds. Bound from
 * {@code jeda.gateway.*} so that every deploy-time value is configuration, not a literal.
 */
@Singleton
public class GatewaySettings {

    private final Duration policyDeadline;
    private final Duration attendanceDeadline;
    private final Duration answerBudget;
    private final Duration listBudget;
    private final ZoneId defaultZone;
    private final long cacheMaxSize;
    private final Duration schedulesExpiry;
    private final Duration officersExpiry;
    private final Duration rostersExpiry;
    private final Duration slotsExpiry;
    private final Duration statusExpiry;
    private final int maxBatch;
    private final Duration maxTimeOffset;
    private final int maxUnitOfficers;
    private final int maxSubUnits;
    private final String serviceClientId;
    private final Duration serviceTokenTtl;

    public GatewaySettings(@Value("${jeda.gateway.policy.deadline:300ms}") Duration policyDeadline,
                           @Value("${jeda.gateway.attendance.deadline:300ms}") Duration attendanceDeadline,
                           @Value("${jeda.gateway.answer-budget:1s}") Duration answerBudget,
                           @Value("${jeda.gateway.list-budget:3s}") Duration listBudget,
                           @Value("${jeda.gateway.default-time-zone:Asia/Jakarta}") String defaultZone,
                           @Value("${jeda.gateway.cache.max-size:100000}") long cacheMaxSize,
                           @Value("${jeda.gateway.cache.schedules-expiry:5m}") Duration schedulesExpiry,
                           @Value("${jeda.gateway.cache.officers-expiry:10m}") Duration officersExpiry,
                           @Value("${jeda.gateway.cache.rosters-expiry:5m}") Duration rostersExpiry,
                           @Value("${jeda.gateway.cache.slots-expiry:1m}") Duration slotsExpiry,
                           @Value("${jeda.gateway.cache.status-expiry:5s}") Duration statusExpiry,
                           @Value("${jeda.gateway.max-batch:500}") int maxBatch,
                           @Value("${jeda.gateway.max-time-offset:31d}") Duration maxTimeOffset,
                           @Value("${jeda.gateway.unit.max-officers:5000}") int maxUnitOfficers,
                           @Value("${jeda.gateway.unit.max-sub-units:200}") int maxSubUnits,
                           @Value("${jeda.gateway.service-identity.client-id:gateway}") String serviceClientId,
                           @Value("${jeda.gateway.service-identity.token-ttl:10m}") Duration serviceTokenTtl) {
        this.policyDeadline = policyDeadline;
        this.attendanceDeadline = attendanceDeadline;
        this.answerBudget = answerBudget;
        this.listBudget = listBudget;
        this.defaultZone = ZoneId.of(defaultZone);
        this.cacheMaxSize = cacheMaxSize;
        this.schedulesExpiry = schedulesExpiry;
        this.officersExpiry = officersExpiry;
        this.rostersExpiry = rostersExpiry;
        this.slotsExpiry = slotsExpiry;
        this.statusExpiry = statusExpiry;
        this.maxBatch = maxBatch;
        this.maxTimeOffset = maxTimeOffset;
        this.maxUnitOfficers = maxUnitOfficers;
        this.maxSubUnits = maxSubUnits;
        this.serviceClientId = serviceClientId;
        this.serviceTokenTtl = serviceTokenTtl;
    }

    /** Deadline of one call to policy-service. */
    public Duration policyDeadline() {
        return policyDeadline;
    }

    /** Deadline of one call to attendance-service. */
    public Duration attendanceDeadline() {
        return attendanceDeadline;
    }

    /** How long one request (one answer, one batch, one page) may spend waiting on the services behind. */
    public Duration answerBudget() {
        return answerBudget;
    }

    /**
     * The same for a whole BatchGetReachability or ListUnitReachability page: many officers on cold
     * caches need more than one answer's budget before the rest are answered degraded.
     */
    public Duration listBudget() {
        return listBudget;
    }

    /** Zone used when policy-service gives an officer none (it should not happen). */
    public ZoneId defaultZone() {
        return defaultZone;
    }

    public long cacheMaxSize() {
        return cacheMaxSize;
    }

    public Duration schedulesExpiry() {
        return schedulesExpiry;
    }

    public Duration officersExpiry() {
        return officersExpiry;
    }

    public Duration rostersExpiry() {
        return rostersExpiry;
    }

    public Duration slotsExpiry() {
        return slotsExpiry;
    }

    /** How long an officer's current attendance status is reused (short: check-ins change it). */
    public Duration statusExpiry() {
        return statusExpiry;
    }

    /** Most officers in one BatchGetReachability. */
    public int maxBatch() {
        return maxBatch;
    }

    /** How far from now (either way) a question may be about. */
    public Duration maxTimeOffset() {
        return maxTimeOffset;
    }

    /** Most officers ListUnitReachability considers (unit and sub-units together). */
    public int maxUnitOfficers() {
        return maxUnitOfficers;
    }

    /** Most sub-units ListUnitReachability walks. */
    public int maxSubUnits() {
        return maxSubUnits;
    }

    /** The subject of the SERVICE token the gateway presents to policy-service and attendance-service. */
    public String serviceClientId() {
        return serviceClientId;
    }

    public Duration serviceTokenTtl() {
        return serviceTokenTtl;
    }
}
