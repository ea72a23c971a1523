package io.jeda.gateway;

import com.google.protobuf.Timestamp;
import io.jeda.common.security.Role;
import io.jeda.gateway.reachability.DaySchedule;
import io.jeda.gateway.reachability.OfficerProfile;
import io.jeda.gateway.reachability.Sourced;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static io.jeda.gateway.FakePolicyService.WIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code jeda.gateway.policy.combined-read}, a question about an officer the gateway has not
 * cached costs policy-service one call: the
 * officer's record with their days (yesterday, today and the look-ahead) in one GetOfficerSchedules,
 * which fills the same caches the separate reads fill, with the same days.
 */
class OneReadPerMissTest extends GatewayTestBase {

    /** Monday 7 December 2026, 10:00 WIB: inside the fake's working hours. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T03:00:00Z");

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("jeda.gateway.policy.combined-read", "true");
    }

    private ReachabilityServiceGrpc.ReachabilityServiceBlockingStub agency() {
        return ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY));
    }

    private Reachability ask(Instant at, Urgency u) {
        return agency().getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + OFFICER)
                .setUrgency(u).setTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond())).build());
    }

    @Test
    void theCombinedReadGivesTheDaysOfTheSeparateReads() {
        LocalDate today = MONDAY_MORNING.atZone(WIB).toLocalDate();
        Sourced<OfficerProfile> officerAlone = policyClient.officer(OFFICER);
        List<Sourced<DaySchedule>> daysAlone = new ArrayList<>();
        for (int i = -1; i <= 14; i++) {
            daysAlone.add(policyClient.schedule(OFFICER, today.plusDays(i)));
        }
        assertTrue(POLICY.methods.stream().noneMatch("GetOfficerSchedules"::equals), POLICY.methods.toString());

        policyClient.invalidateAll();
        POLICY.methods.clear();
        policyClient.readAround(OFFICER, MONDAY_MORNING, 1, 14);
        assertEquals(List.of("GetOfficerSchedules"), POLICY.methods);

        assertEquals(officerAlone.value(), policyClient.officer(OFFICER).value());
        for (int i = -1; i <= 14; i++) {
            assertEquals(daysAlone.get(i + 1).value(), policyClient.schedule(OFFICER, today.plusDays(i)).value(),
                    "day " + today.plusDays(i));
        }
        assertEquals(List.of("GetOfficerSchedules"), POLICY.methods, "every later read came from the cache");
    }

    @Test
    void aMissCostsOnePolicyCallAndAHitNone() {
        Reachability first = ask(MONDAY_MORNING, Urgency.URGENCY_URGENT);

        assertTrue(first.getReachable(), first.toString());
        assertEquals(List.of("GetOfficerSchedules"), POLICY.methods);
        assertEquals(1, ATTENDANCE.singleCalls(), "and one attendance read");

        Reachability again = ask(MONDAY_MORNING.plusSeconds(60), Urgency.URGENCY_URGENT);
        assertEquals(first.getState(), again.getState());
        assertEquals(List.of("GetOfficerSchedules"), POLICY.methods, "the next question is answered from the caches");
    }

    @Test
    void anAnswerThatLooksAheadReadsNoMoreDays() {
        // Saturday evening: not reachable for ROUTINE until Monday, found in the look-ahead read with the rest.
        Reachability r = ask(Instant.parse("2026-12-05T12:00:00Z"), Urgency.URGENCY_ROUTINE);

        assertEquals(Timestamp.newBuilder().setSeconds(Instant.parse("2026-12-07T00:30:00Z").getEpochSecond()).build(),
                r.getNextReachableAt());
        assertTrue(POLICY.methods.stream().noneMatch(m -> m.equals("GetEffectiveSchedule")
                || m.equals("ListEffectiveSchedules") || m.equals("GetOfficer")), POLICY.methods.toString());
    }
}
