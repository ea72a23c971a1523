package io.jeda.e2e;

import com.google.protobuf.Timestamp;
import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceEventKind;
import io.jeda.attendance.v1.AttendanceFlag;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.VerificationState;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.Inquiry;
import io.jeda.gateway.v1.ListInquiriesResponse;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityState;
import io.jeda.gateway.v1.Urgency;
import io.jeda.gateway.v1.WorkLocation;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.jeda.e2e.Agency.ANALYST;
import static io.jeda.e2e.Agency.DESK_24H;
import static io.jeda.e2e.Agency.DESK_DAY;
import static io.jeda.e2e.Agency.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One agency's day through all three services, as separate processes on the test database, using
 * only public APIs: the admin sets the agency up in policy-service, officers plan and check in and
 * their manager approves through the gateway's REST API, an agency system asks the gateway over REST,
 * and an officer reads who asked. The last steps kill
 * attendance-service, expect the gateway to keep answering, and start it again.
 */
@ExtendWith(JedaServicesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReachabilityJourneyIT {

    /** The agency system that asks (the subject of its client-credential token). */
    private static final String COMPLAINT_DESK_APP = "e2e-complaint-desk";
    private static final String COMPLAINT_DESK_TOKEN = Tokens.token(COMPLAINT_DESK_APP, Role.AGENCY);
    /** How long a change may take to show through the gateway's caches and the asynchronous audit log. */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    /**
     * How long the gateway may take to reconnect to a restarted service: gRPC's connect back-off grows
     * by 1.6 a try, so the next try can come up to about half the down time after the service is back.
     */
    private static final Duration RECONNECT = Duration.ofSeconds(60);
    /** Inside the office geofence: about 40 m from its centre, with a 12 m accuracy. */
    private static final double AT_OFFICE_LAT = -2.8733;
    private static final double AT_OFFICE_LON = 108.2809;

    private JedaServices services;
    private GatewayRest gateway;
    private OfficerActions people;
    /** The coming Tuesday (never today), 22:00 WIB: after everyone's working hours. */
    private Instant tuesdayNight;
    /** The day after it, a working day for everyone, which the analyst works from home. */
    private LocalDate wednesday;

    @BeforeAll
    void createAgency(JedaServices services) {
        this.services = services;
        this.gateway = new GatewayRest(services.gatewayHttp());
        this.people = new GatewayRestOfficerActions(gateway);
        LocalDate today = LocalDate.now(ZONE);
        LocalDate tuesday = today.with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        tuesdayNight = tuesday.atTime(22, 0).atZone(ZONE).toInstant();
        wednesday = tuesday.plusDays(1);
        new Agency(services, people).create(today);
        warmUp();
    }

    /**
     * Asks once about each kind of answer until the gateway gives whole (not degraded) ones, so that
     * the first assertions do not pay for class loading and connection set-up in three fresh JVMs.
     */
    private void warmUp() {
        String token = Tokens.token("e2e-warm-up", Role.AGENCY);
        Instant deadline = Instant.now().plus(JedaServices.START_TIMEOUT);
        boolean whole = false;
        while (!whole && Instant.now().isBefore(deadline)) {
            whole = !gateway.reachability(token, ANALYST, "EMERGENCY", tuesdayNight).reachability().getDegraded()
                    & !gateway.reachability(token, DESK_24H, "ROUTINE", null).reachability().getDegraded();
            if (!whole) {
                pause(Duration.ofMillis(200));
            }
        }
        assertTrue(whole, "the gateway still gives degraded answers after " + JedaServices.START_TIMEOUT);
    }

    @Test
    @Order(1)
    void aRoutineRequestAtNightWaitsForTheNextWorkingMorning() {
        GatewayRest.Answer answer = gateway.reachability(COMPLAINT_DESK_TOKEN, ANALYST, "ROUTINE", tuesdayNight);
        Reachability r = answer.reachability();

        assertEquals("officers/" + ANALYST, r.getOfficer(), answer.json());
        assertEquals(ReachabilityState.REACHABILITY_STATE_OFF_DUTY, r.getState(), answer.json());
        assertFalse(r.getReachable(), answer.json());
        assertEquals(local(wednesday, Agency.ANALYST_START), instant(r.getNextReachableAt()), answer.json());
        // A fair deadline for a routine request: the end of the next working day.
        assertEquals(local(wednesday, Agency.ANALYST_END), instant(r.getRespondBy()), answer.json());
        assertEquals(ZONE.getId(), r.getTimeZone());
        assertFalse(r.getDegraded(), answer.json());
        // The desk officer on the 24-hour shift, backup on the roster tonight, is at work.
        assertEquals("officers/" + DESK_24H, r.getContactInstead().getOfficer(), answer.json());
        assertTrue(r.getContactInstead().getReachable(), answer.json());
        // The field names a REST client reads are protobuf's JSON names.
        assertTrue(answer.json().contains("\"nextReachableAt\"") && answer.json().contains("\"contactInstead\""),
                answer.json());
    }

    @Test
    @Order(2)
    void anEmergencyAtNightGoesToWhoeverIsOnCall() {
        GatewayRest.Answer answer = gateway.reachability(COMPLAINT_DESK_TOKEN, ANALYST, "EMERGENCY", tuesdayNight);
        Reachability r = answer.reachability();

        assertEquals(ReachabilityState.REACHABILITY_STATE_OFF_DUTY, r.getState(), answer.json());
        assertFalse(r.getReachable(), answer.json());
        Reachability onCall = r.getContactInstead();
        assertEquals("officers/" + DESK_DAY, onCall.getOfficer(), answer.json());
        assertEquals(ReachabilityState.REACHABILITY_STATE_ON_CALL, onCall.getState(), answer.json());
        assertTrue(onCall.getReachable(), answer.json());
        assertEquals(Urgency.URGENCY_EMERGENCY, onCall.getUrgency());
        assertFalse(r.getDegraded(), answer.json());
    }

    @Test
    @Order(3)
    void theApprovedHomeDayShowsInTheAnswer() {
        GatewayRest.Answer answer = gateway.reachability(COMPLAINT_DESK_TOKEN, ANALYST, "ROUTINE",
                local(wednesday, LocalTime.of(10, 0)));
        Reachability r = answer.reachability();

        assertEquals(ReachabilityState.REACHABILITY_STATE_EXPECTED, r.getState(), answer.json());
        assertTrue(r.getReachable(), answer.json());
        assertEquals(WorkLocation.WORK_LOCATION_HOME, r.getWorkLocation(), answer.json());
        assertFalse(r.hasContactInstead(), answer.json());
    }

    @Test
    @Order(4)
    void aCheckInAtTheOfficeMakesTheOfficerAvailable() {
        // Now is inside the 24-hour shift whenever this runs; the officer has not checked in yet.
        GatewayRest.Answer before = gateway.reachability(COMPLAINT_DESK_TOKEN, DESK_24H, "ROUTINE", null);
        assertEquals(ReachabilityState.REACHABILITY_STATE_EXPECTED, before.reachability().getState(), before.json());
        assertTrue(before.reachability().getReachable(), before.json());
        assertEquals(WorkLocation.WORK_LOCATION_OFFICE, before.reachability().getWorkLocation(), before.json());

        AttendanceEvent checkIn = people.checkInAtOffice(DESK_24H, AT_OFFICE_LAT, AT_OFFICE_LON, 12);
        assertEquals(AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_IN, checkIn.getKind());
        assertEquals(AttendanceMode.ATTENDANCE_MODE_OFFICE, checkIn.getMode());
        // policy-service answered: the geofence and today's schedule were checked, not waved through.
        assertEquals(VerificationState.VERIFICATION_STATE_VERIFIED, checkIn.getVerification(), checkIn.toString());
        assertFalse(checkIn.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_POLICY_UNVERIFIED));

        GatewayRest.Answer after = await(() -> gateway.reachability(COMPLAINT_DESK_TOKEN, DESK_24H, "ROUTINE", null),
                a -> a.reachability().getState() == ReachabilityState.REACHABILITY_STATE_AVAILABLE);
        assertEquals(ReachabilityState.REACHABILITY_STATE_AVAILABLE, after.reachability().getState(), after.json());
        assertTrue(after.reachability().getReachable(), after.json());
        assertEquals(WorkLocation.WORK_LOCATION_OFFICE, after.reachability().getWorkLocation(), after.json());
        assertFalse(after.reachability().getDegraded(), after.json());

        // Checked in and at work: an emergency reaches the officer directly.
        GatewayRest.Answer emergency = gateway.reachability(COMPLAINT_DESK_TOKEN, DESK_24H, "EMERGENCY", null);
        assertTrue(emergency.reachability().getReachable(), emergency.json());
        assertFalse(emergency.reachability().hasContactInstead(), emergency.json());
    }

    @Test
    @Order(5)
    void anOfficerSeesWhichAgencySystemAskedAboutThem() {
        String chatBot = "e2e-chat-bot";
        gateway.reachability(Tokens.token(chatBot, Role.AGENCY), ANALYST, "URGENT", tuesdayNight);

        String analystToken = Tokens.token(ANALYST, Role.OFFICER);
        ListInquiriesResponse mine = await(() -> gateway.myInquiries(analystToken),
                l -> byClient(l, chatBot).isPresent());
        Inquiry asked = byClient(mine, chatBot).orElseThrow(() -> new AssertionError(
                "no inquiry by " + chatBot + " within " + SETTLE + ": " + mine));
        assertEquals(Urgency.URGENCY_URGENT, asked.getUrgency());
        assertEquals(ReachabilityState.REACHABILITY_STATE_OFF_DUTY, asked.getState());
        // Off duty, but an urgent matter reaches the on-call officer instead, not the analyst.
        assertFalse(asked.getReachable());
        assertTrue(asked.hasAskTime());
        // Nobody else's questions: only the agency systems asked about the analyst.
        assertTrue(mine.getInquiriesList().stream().allMatch(i -> i.getClient().startsWith("e2e-")), mine.toString());
    }

    @Test
    @Order(6)
    void withAttendanceDownTheGatewayStillAnswersInTimeAndSaysSo() throws InterruptedException {
        services.kill(JedaServices.Service.ATTENDANCE);
        // Let the gateway's short status cache forget what attendance-service last said.
        Thread.sleep(JedaServices.STATUS_CACHE_EXPIRY.multipliedBy(3).toMillis());

        GatewayRest.Answer answer = gateway.reachability(COMPLAINT_DESK_TOKEN, DESK_24H, "ROUTINE", null);
        Reachability r = answer.reachability();

        assertTrue(answer.elapsed().compareTo(JedaServices.ANSWER_BUDGET) < 0,
                "answered in " + answer.elapsed().toMillis() + " ms, budget " + JedaServices.ANSWER_BUDGET);
        assertTrue(r.getDegraded(), answer.json());
        assertEquals(List.of("attendance-service"), r.getDegradedSourcesList(), answer.json());
        // Whether the officer is checked in cannot be told now; the schedule still says they are at work.
        assertEquals(ReachabilityState.REACHABILITY_STATE_EXPECTED, r.getState(), answer.json());
        assertTrue(r.getReachable(), answer.json());
        assertEquals(WorkLocation.WORK_LOCATION_OFFICE, r.getWorkLocation(), answer.json());
        assertTrue(r.getReasonsList().stream().anyMatch(s -> s.contains("attendance-service")), answer.json());
    }

    @Test
    @Order(7)
    void whenAttendanceIsBackTheCheckInIsStillThere() {
        services.ensureRunning();

        // The gateway reconnects on its own (after its channel's back-off); nothing is restarted there.
        GatewayRest.Answer answer = await(() -> gateway.reachability(COMPLAINT_DESK_TOKEN, DESK_24H, "ROUTINE", null),
                a -> !a.reachability().getDegraded(), RECONNECT);
        assertFalse(answer.reachability().getDegraded(), answer.json());
        assertEquals(ReachabilityState.REACHABILITY_STATE_AVAILABLE, answer.reachability().getState(), answer.json());
        assertEquals(WorkLocation.WORK_LOCATION_OFFICE, answer.reachability().getWorkLocation(), answer.json());
    }

    private static Optional<Inquiry> byClient(ListInquiriesResponse l, String client) {
        return l.getInquiriesList().stream().filter(i -> i.getClient().equals(client)).findFirst();
    }

    /** Asks until the answer satisfies the condition or {@link #SETTLE} has passed; returns the last answer. */
    private static <T> T await(Supplier<T> ask, Predicate<T> done) {
        return await(ask, done, SETTLE);
    }

    /** Asks until the answer satisfies the condition or the time is up; returns the last answer. */
    private static <T> T await(Supplier<T> ask, Predicate<T> done, Duration within) {
        Instant deadline = Instant.now().plus(within);
        T last = ask.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(50));
            last = ask.get();
        }
        return last;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Instant local(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(ZONE).toInstant();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
