package io.jeda.e2e;

import com.google.type.Date;
import com.google.type.TimeOfDay;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.WorkLocation;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.FlexiTimeKind;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanDay;
import io.jeda.policy.v1.PlanState;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.WorkPlace;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateway processes on one policy-service and attendance-service, as two replicas behind a load
 * balancer: a plan a manager approves through one replica is answered by the other within a second,
 * though the other had the officer's day cached for minutes, because both follow policy-service's
 * change feed. Then the replica that took the approval is killed, and the other still answers.
 */
@ExtendWith(JedaServicesExtension.class)
class GatewayReplicasIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
    private static final String UNIT = "e2e-replika";
    private static final String POSITION = "e2e-replika-analis";
    private static final String MANAGER = "198105172006041001";
    private static final String OFFICER = "199308212019032005";
    private static final String ASKER = Tokens.token("e2e-replica-asker", Role.AGENCY);
    /** What the approval may take to show on the other replica. */
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aPlanApprovedThroughOneGatewayIsAnsweredByTheOtherWithinASecondAndOutlivesTheFirst(JedaServices services) {
        PolicyAdmin admin = new PolicyAdmin(services, "e2e-replica-admin");
        admin.unit(UNIT, "Unit Uji Replika", ZONE, -2.8731, 108.2806, 150);
        admin.as(PositionServiceGrpc.newBlockingStub(admin.policy())).createPosition(CreatePositionRequest.newBuilder()
                .setPositionId(POSITION).setPosition(Position.newBuilder().setDisplayName("Analis")
                        .setFwaEligible(true).addAllowedPlaces(WorkPlace.WORK_PLACE_HOME).setMaxRemoteDaysPerWeek(2)
                        .setFlexiTime(FlexiTimeKind.FLEXI_TIME_KIND_WINDOW)).build());
        admin.officer(UNIT, MANAGER, "Agus Salim", POSITION, "", -2.8702, 108.2851);
        admin.officer(UNIT, OFFICER, "Dewi Kartika", POSITION, MANAGER, -2.8655, 108.2902);

        // B is the gateway every e2e test uses; A is a second process of the same jar.
        GatewayRest b = new GatewayRest(services.gatewayHttp());
        JedaServices.GatewayReplica replica = services.startGatewayReplica("gateway-replica");
        GatewayRest a = new GatewayRest(replica.http());
        OfficerActions throughA = new GatewayRestOfficerActions(a);

        LocalDate today = LocalDate.now(ZONE);
        Instant wednesdayMorning = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY)).atTime(10, 0)
                .atZone(ZONE).toInstant();
        Plan submitted = throughA.createAndSubmitPlan(OFFICER, homeOnWednesdays(today));
        assertEquals(PlanState.PLAN_STATE_SUBMITTED, submitted.getState());
        awaitFollowing(services.gatewayHttp());
        awaitFollowing(replica.http());
        // Both replicas have the officer's Wednesday cached: at the office, the plan is not approved yet.
        assertEquals(WorkLocation.WORK_LOCATION_OFFICE, place(b, wednesdayMorning));
        assertEquals(WorkLocation.WORK_LOCATION_OFFICE, place(a, wednesdayMorning));

        Plan approved = throughA.approvePlan(MANAGER, submitted.getName());
        long approvedAt = System.nanoTime();
        assertEquals(PlanState.PLAN_STATE_ACTIVE, approved.getState());
        WorkLocation seen = place(b, wednesdayMorning);
        while (seen != WorkLocation.WORK_LOCATION_HOME && System.nanoTime() - approvedAt < 5 * WITHIN.toNanos()) {
            pause();
            seen = place(b, wednesdayMorning);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - approvedAt);
        System.out.println("e2e: the other gateway answered the approved plan after " + took.toMillis() + " ms");
        assertEquals(WorkLocation.WORK_LOCATION_HOME, seen, "the other gateway never answered the approved plan");
        assertTrue(took.compareTo(WITHIN) < 0, "the other gateway answered the approved plan after " + took);

        replica.kill();
        Reachability after = b.reachability(ASKER, OFFICER, "ROUTINE", wednesdayMorning).reachability();
        assertEquals(WorkLocation.WORK_LOCATION_HOME, after.getWorkLocation(), after.toString());
        assertFalse(after.getDegraded(), after.toString());
    }

    private static WorkLocation place(GatewayRest gateway, Instant at) {
        return gateway.reachability(ASKER, OFFICER, "ROUTINE", at).reachability().getWorkLocation();
    }

    /** Office from Monday to Friday at 08:00, Wednesday at home, from yesterday for a month. */
    private static Plan homeOnWednesdays(LocalDate today) {
        Plan.Builder plan = Plan.newBuilder().setStartDate(date(today.minusDays(1))).setEndDate(date(today.plusDays(30)))
                .setNote("Rabu bekerja dari rumah");
        for (DayOfWeek d : new DayOfWeek[]{DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            plan.addDays(PlanDay.newBuilder().setDayOfWeek(com.google.type.DayOfWeek.forNumber(d.getValue()))
                    .setPlace(d == DayOfWeek.WEDNESDAY ? WorkPlace.WORK_PLACE_HOME : WorkPlace.WORK_PLACE_OFFICE)
                    .setStartTime(TimeOfDay.newBuilder().setHours(8)));
        }
        return plan.build();
    }

    private static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue())
                .setDay(d.getDayOfMonth()).build();
    }

    /** Waits until the gateway says it follows policy-service's change feed ({@code jeda_change_feed_connected 1}). */
    private void awaitFollowing(URI gateway) {
        Instant end = Instant.now().plus(JedaServices.START_TIMEOUT);
        while (Instant.now().isBefore(end)) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(gateway.resolve("/prometheus"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.body().lines().anyMatch(l -> l.startsWith("jeda_change_feed_connected") && l.endsWith(" 1.0"))) {
                    return;
                }
            } catch (IOException e) {
                // not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            pause();
        }
        throw new AssertionError(gateway + " does not follow the change feed");
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
