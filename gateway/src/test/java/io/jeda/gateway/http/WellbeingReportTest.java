package io.jeda.gateway.http;

import com.google.protobuf.Struct;
import io.jeda.common.security.Role;
import io.jeda.gateway.FaultMode;
import io.jeda.gateway.WellbeingWorld;
import io.jeda.gateway.v1.GetTeamWellbeingRequest;
import io.jeda.gateway.v1.OfficerWellbeing;
import io.jeda.gateway.v1.RosterLoad;
import io.jeda.gateway.v1.WellbeingReport;
import io.jeda.gateway.v1.WellbeingServiceGrpc;
import io.jeda.testing.Tokens;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jeda.gateway.WellbeingWorld.ANI;
import static io.jeda.gateway.WellbeingWorld.BAYU;
import static io.jeda.gateway.WellbeingWorld.CICI;
import static io.jeda.gateway.WellbeingWorld.MANAGER;
import static io.jeda.gateway.WellbeingWorld.WIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wellbeing report of October 2026 composed by the gateway: attendance's and relay's parts from
 * the services (faked), the after-hours questions from the gateway's own audit table on the real
 * database, and the on-call spread from uneven roster slots.
 */
class WellbeingReportTest extends PeopleTestBase {

    static final WellbeingWorld WORLD = new WellbeingWorld().start();
    static final String MANAGER_TOKEN = Tokens.token(MANAGER, Role.OFFICER, Role.MANAGER);
    static final String HR_TOKEN = Tokens.scoped("hr-prov", "pemprov", Role.HR);

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        for (String channel : List.of("policy", "attendance", "relay")) {
            p.put("grpc.channels." + channel + ".address", "127.0.0.1:" + WORLD.port());
        }
        p.put("jeda.gateway.wellbeing.source-deadline", "1s");
        return p;
    }

    @BeforeEach
    void october() {
        WORLD.reset();
        // Ani was asked about four times: twice after hours in October (one answered reachable while
        // on call, one "wait"), once inside working hours, and once after hours in November.
        ask(ANI, "2026-10-05T21:00", "ON_CALL", true);
        ask(ANI, "2026-10-09T22:30", "OFF_DUTY", false);
        ask(ANI, "2026-10-09T10:00", "AVAILABLE", true);
        ask(ANI, "2026-11-01T00:30", "OFF_DUTY", false);
        // 1 October 00:30 WIB is still 30 September in UTC: inside the month of the unit's zone.
        ask(BAYU, "2026-10-01T00:30", "HOLIDAY", false);
    }

    private static OfficerWellbeing row(WellbeingReport r, String nip) {
        return r.getOfficersList().stream().filter(o -> o.getOfficer().equals("officers/" + nip)).findFirst()
                .orElseThrow();
    }

    @Test
    void aManagerSeesRestOnCallLoadAndAfterHoursQuestionsOfTheTeam() {
        Answer a = get("/v1/team/wellbeing?month=2026-10", MANAGER_TOKEN);
        assertEquals(200, a.status(), a.body());
        WellbeingReport r = a.as(WellbeingReport.newBuilder()).build();
        assertEquals("units/dinsos", r.getUnit());
        assertEquals("2026-10", r.getMonth());
        assertEquals(List.of(), r.getMissingPartsList());
        assertEquals(List.of("officers/" + ANI, "officers/" + BAYU, "officers/" + CICI),
                r.getOfficersList().stream().map(OfficerWellbeing::getOfficer).toList(), "the direct reports, by NIP");
        OfficerWellbeing ani = row(r, ANI);
        assertEquals(2730, ani.getWorkedMinutes());
        assertEquals(1, ani.getLateCheckOuts());
        assertEquals(2, ani.getShortRests());
        assertEquals(1, ani.getAfterHoursReachable());
        assertEquals(1, ani.getAfterHoursWait());
        assertEquals(3, ani.getHeldMessages());
        assertEquals(72.0, ani.getOnCallHours());
        assertEquals(72.0, ani.getBusiestWeekOnCallHours());
        assertEquals(56, ani.getWeeklyCapHours());
        assertEquals(1, ani.getWeeksOverCap());
        OfficerWellbeing bayu = row(r, BAYU);
        assertEquals(0, bayu.getAfterHoursReachable());
        assertEquals(1, bayu.getAfterHoursWait(), "asked at 00:30 WIB on 1 October");
        assertEquals(24.0, bayu.getOnCallHours());
        assertEquals(0, bayu.getWeeksOverCap());
        assertEquals(0.0, row(r, CICI).getOnCallHours());

        RosterLoad piket = r.getRosters(0);
        assertEquals(96.0, piket.getTotalHours());
        assertEquals(32.0, piket.getMeanHours());
        assertEquals(72.0, piket.getMaxHours());
        assertEquals(2.25, piket.getMaxToMean());
        assertEquals(0.5, piket.getGini(), "hours 72, 24, 0");

        assertEquals(3, r.getTotals().getOfficers(), a.body());
        assertEquals(1, r.getTotals().getOfficersOverCap());
        assertEquals(2, r.getTotals().getAfterHoursWait());
        assertEquals(660, r.getRules().getMinimumRestMinutes());
        // The parts were asked for with the manager's own token.
        assertEquals(List.of(MANAGER), WORLD.attendanceCallers);
        assertEquals(List.of(MANAGER), WORLD.relayCallers);
        assertEquals(List.of(MANAGER), WORLD.rosterCallers);
    }

    @Test
    void hrReadsAUnitOfItsScopeOverGrpcToo() {
        Answer a = get("/v1/admin/units/dinsos/wellbeing?month=2026-10", HR_TOKEN);
        assertEquals(200, a.status(), a.body());
        WellbeingReport r = a.as(WellbeingReport.newBuilder()).build();
        assertEquals(4, r.getOfficersCount(), "every officer of the unit, the manager too");
        assertEquals(List.of("hr-prov"), WORLD.attendanceCallers);

        WellbeingReport viaGrpc = WellbeingServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as(MANAGER, Role.OFFICER, Role.MANAGER))
                .getTeamWellbeing(GetTeamWellbeingRequest.newBuilder().setMonth("2026-10").build());
        assertEquals(1, row(viaGrpc, ANI).getWeeksOverCap());
        assertEquals(0.5, viaGrpc.getRosters(0).getGini());
    }

    @Test
    void outsideTheScopeOrWithoutTheRoleIsRefused() {
        get("/v1/admin/units/dinsos/wellbeing?month=2026-10", Tokens.scoped("hr-lain", "lain", Role.HR))
                .problem(403, "OUTSIDE_ADMIN_SCOPE");
        get("/v1/admin/units/dinsos/wellbeing?month=2026-10", MANAGER_TOKEN).problem(403, "HR_REQUIRED");
        get("/v1/team/wellbeing?month=2026-10", Tokens.token(ANI, Role.OFFICER)).problem(403, "MANAGER_REQUIRED");
        get("/v1/team/wellbeing?month=2026-10", AGENCY_TOKEN).problem(403, "AGENCY_NOT_ALLOWED");
        get("/v1/team/wellbeing?month=2026-13", MANAGER_TOKEN).problem(400, "INVALID_FIELD");
        assertTrue(WORLD.attendanceCallers.isEmpty(), "nothing was asked for a refused caller");
    }

    @Test
    void aSourceDownGivesThePartsThatCameAndNamesTheMissingOnes() {
        WORLD.attendance = FaultMode.SLOW;
        WORLD.relay = FaultMode.FAILING;
        long start = System.nanoTime();
        Answer a = get("/v1/team/wellbeing?month=2026-10", MANAGER_TOKEN);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, a.status(), a.body());
        assertTrue(millis < 2500, "answered after the 1 s source deadline, not after the 3 s stall: " + millis + " ms");
        WellbeingReport r = a.as(WellbeingReport.newBuilder()).build();
        assertEquals(List.of("attendance", "relay"), r.getMissingPartsList());
        OfficerWellbeing ani = row(r, ANI);
        assertFalse(ani.hasWorkedMinutes(), "missing, not zero");
        assertFalse(ani.hasHeldMessages(), "missing, not zero");
        assertFalse(r.getTotals().hasWorkedMinutes());
        assertEquals(1, ani.getAfterHoursWait(), "the audit part is there");
        assertEquals(72.0, ani.getOnCallHours(), "the on-call part is there");
        Struct json = a.json();
        Struct first = json.getFieldsOrThrow("officers").getListValue().getValues(0).getStructValue();
        assertFalse(first.containsFields("workedMinutes"), a.body());
        assertFalse(first.containsFields("heldMessages"), a.body());
    }

    private void ask(String nip, String localWib, String state, boolean reachable) {
        LocalDateTime utc = LocalDateTime.parse(localWib).atZone(WIB).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO reachability_audit (asked_at, client_id, officer_nip,"
                     + " urgency, state, reachable, degraded) VALUES (?, 'desk-1', ?, 'URGENT', ?, ?, FALSE)")) {
            s.setTimestamp(1, Timestamp.valueOf(utc));
            s.setString(2, nip);
            s.setString(3, state);
            s.setBoolean(4, reachable);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
