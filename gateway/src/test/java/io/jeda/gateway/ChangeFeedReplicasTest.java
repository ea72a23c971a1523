package io.jeda.gateway;

import io.jeda.common.changes.PolicyChangeFollower;
import io.jeda.common.security.Role;
import io.jeda.gateway.client.PolicyClient;
import io.jeda.gateway.reachability.DaySchedule;
import io.jeda.gateway.reachability.WorkPlace;
import io.jeda.policy.v1.PlanState;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateway replicas on one policy-service: a plan approved through one replica changes the
 * schedule the other answers within a second, though the other had the old day cached for its full
 * expiry (minutes), because both follow policy-service's change feed. The feed also survives
 * policy-service going away and coming back.
 */
class ChangeFeedReplicasTest extends GatewayTestBase {

    /** A Monday inside the seeded plan's period (which has Mondays at home). */
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Inject
    PolicyChangeFollower follower;

    private SecondGateway other;

    @Override
    protected Map<String, String> extraProperties() {
        // Long expiries: only the change feed can make the other replica see the change in time.
        return Map.of("jeda.gateway.cache.schedules-expiry", "10m", "jeda.gateway.cache.officers-expiry", "10m");
    }

    @BeforeAll
    void startOtherReplica() {
        other = new SecondGateway(getProperties());
    }

    @org.junit.jupiter.api.BeforeEach
    void forgetOtherReplicasCaches() {
        other.bean(PolicyClient.class).invalidateAll();
    }

    @AfterAll
    void stopOtherReplica() {
        other.close();
    }

    private void awaitFollowing() {
        await(Duration.ofSeconds(20), () -> follower.follower().connected()
                && other.bean(PolicyChangeFollower.class).follower().connected(), "both replicas follow the feed");
    }

    private static WorkPlace placeOn(PolicyClient policy) {
        DaySchedule d = policy.schedule(FakePolicyService.OFFICER, MONDAY).value();
        return d.place();
    }

    @Test
    void aPlanApprovedThroughOneReplicaIsAnsweredByTheOtherWithinASecond() {
        awaitFollowing();
        String id = POLICY.seedPlan(FakePolicyService.OFFICER, PlanState.PLAN_STATE_SUBMITTED);
        PolicyClient mine = policyClient;
        PolicyClient theirs = other.bean(PolicyClient.class);
        // Both replicas have the day cached: at the office (the plan is not approved yet).
        assertEquals(WorkPlace.OFFICE, placeOn(mine));
        assertEquals(WorkPlace.OFFICE, placeOn(theirs));

        // The officer's manager approves through this replica's REST API.
        http.toBlocking().exchange(HttpRequest.POST("/v1/team/plans/" + id + ":approve", "")
                .bearerAuth(Tokens.token(FakePolicyService.ONCALL, Role.OFFICER, Role.MANAGER)), String.class);
        long approved = System.nanoTime();

        await(Duration.ofSeconds(1), () -> placeOn(theirs) == WorkPlace.HOME, "the other replica answers HOME");
        long tookMs = (System.nanoTime() - approved) / 1_000_000;
        System.out.println("change feed: the other replica answered the approved plan after " + tookMs + " ms");
        assertEquals(WorkPlace.HOME, placeOn(mine));
    }

    @Test
    void theFeedResumesAfterPolicyServiceComesBack() {
        awaitFollowing();
        PolicyClient theirs = other.bean(PolicyClient.class);
        long before = other.bean(PolicyChangeFollower.class).follower().lastApplied();
        POLICY.stop();
        try {
            await(Duration.ofSeconds(10), () -> !other.bean(PolicyChangeFollower.class).follower().connected(),
                    "the replica notices the feed is gone");
        } finally {
            POLICY.start();
        }
        awaitFollowing();
        // Each replica asked to resume from the last change it applied, not from now.
        assertTrue(POLICY.watchedFrom().contains(before), "resumed from " + POLICY.watchedFrom() + ", not " + before);
        assertEquals(WorkPlace.OFFICE, placeOn(theirs));

        String id = POLICY.seedPlan(FakePolicyService.OFFICER, PlanState.PLAN_STATE_APPROVED);
        POLICY.officerChanged(FakePolicyService.OFFICER, "plans/" + id);

        await(Duration.ofSeconds(1), () -> placeOn(theirs) == WorkPlace.HOME, "the change after the restart is applied");
    }

    static void await(Duration limit, Supplier<Boolean> condition, String what) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertTrue(condition.get(), what + " within " + limit);
    }
}
