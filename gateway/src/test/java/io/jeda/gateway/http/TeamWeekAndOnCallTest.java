package io.jeda.gateway.http;

import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.gateway.TestClockFactory;
import io.jeda.gateway.v1.MyOnCall;
import io.jeda.gateway.v1.TeamOnCall;
import io.jeda.gateway.v1.TeamWeek;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the web app shows besides the board: an officer's own on-call turns, the team's week and the
 * unit's on-call rosters for a manager, and the board's ETag for polling (the test clock is
 * Wednesday 25 November 2026, 22:00 WIB).
 */
class TeamWeekAndOnCallTest extends PeopleTestBase {

    @Test
    void anOfficerSeesTheirOwnOnCallTurnsAndOnlyThem() {
        Answer budi = get("/v1/me/on-call", MANAGER_TOKEN);
        assertEquals(200, budi.status(), budi.body());
        MyOnCall turns = budi.as(MyOnCall.newBuilder()).build();
        // Tonight's turn (16:00 to 07:30) is in force, tomorrow night's follows.
        assertEquals(2, turns.getSlotsCount(), budi.body());
        assertTrue(turns.getSlotsList().stream().allMatch(s -> s.getPrimary().equals("officers/" + BUDI)));
        assertTrue(turns.getSlots(0).getStartTime().getSeconds() < turns.getSlots(1).getStartTime().getSeconds());
        // The roster the turns are on, by the name the page shows (not its id).
        assertEquals(1, turns.getRostersCount(), budi.body());
        assertEquals("rosters/piket", turns.getRosters(0).getName());
        assertEquals("Piket Pengaduan", turns.getRosters(0).getDisplayName());

        // Siti is on no roster: nothing, rather than the others' turns.
        Answer siti = get("/v1/me/on-call", OFFICER_TOKEN);
        assertEquals(200, siti.status(), siti.body());
        assertEquals(0, siti.as(MyOnCall.newBuilder()).getSlotsCount());
        assertEquals(0, siti.as(MyOnCall.newBuilder()).getRostersCount());
        assertEquals(403, get("/v1/me/on-call", AGENCY_TOKEN).status());
    }

    @Test
    void aManagerSeesEachReportsPlaceOnEachDayOfTheWeek() {
        Answer a = get("/v1/team/week?from=2026-11-26", MANAGER_TOKEN);
        assertEquals(200, a.status(), a.body());
        TeamWeek week = a.as(TeamWeek.newBuilder()).build();
        assertEquals(1, week.getMembersCount(), a.body());
        assertEquals("Siti Rahma", week.getMembers(0).getDisplayName());
        assertEquals(7, week.getMembers(0).getDaysCount());
        // And the rules of her position, which a plan of hers is checked against.
        assertEquals(2, week.getMembers(0).getPosition().getMaxRemoteDaysPerWeek());
        // The week of the day asked about, from its Monday.
        var monday = week.getMembers(0).getDays(0).getDate();
        assertEquals(LocalDate.of(2026, 11, 23), LocalDate.of(monday.getYear(), monday.getMonth(), monday.getDay()));
        // Without a date: this week.
        assertEquals(a.body(), get("/v1/team/week", MANAGER_TOKEN).body());

        assertEquals(403, get("/v1/team/week", OFFICER_TOKEN).status(), "an officer who manages nobody");
        get("/v1/team/week?from=next-week", MANAGER_TOKEN).problem(400, "INVALID_FIELD");
    }

    @Test
    void aManagerSeesTheUnitsRostersAndTheirComingTurns() {
        Answer a = get("/v1/team/on-call?turns=5", MANAGER_TOKEN);
        assertEquals(200, a.status(), a.body());
        TeamOnCall onCall = a.as(TeamOnCall.newBuilder()).build();
        assertEquals(1, onCall.getRostersCount(), a.body());
        assertEquals("Piket Pengaduan", onCall.getRosters(0).getRoster().getDisplayName());
        assertTrue(onCall.getRosters(0).getSlotsCount() >= 1);
        assertEquals("officers/" + BUDI, onCall.getRosters(0).getSlots(0).getPrimary());
        get("/v1/team/on-call?turns=0", MANAGER_TOKEN).problem(400, "INVALID_FIELD");
    }

    @Test
    void theBoardAnswers304WhileNothingChangedAndAnewOnceSomethingDid() {
        HttpResponse<String> first = http.toBlocking().exchange(HttpRequest.GET("/v1/team/board")
                .bearerAuth(MANAGER_TOKEN), String.class);
        String etag = first.getHeaders().get("ETag");
        assertNotNull(etag, first.getHeaders().asMap().toString());

        int same;
        try {
            same = http.toBlocking().exchange(HttpRequest.GET("/v1/team/board").bearerAuth(MANAGER_TOKEN)
                    .header("If-None-Match", etag), String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            same = e.getStatus().getCode();
        }
        assertEquals(304, same);

        // Siti checks in: the board says something else, so it comes whole with a new tag.
        ATTENDANCE.checkIn(SITI, AttendanceMode.ATTENDANCE_MODE_HOME, TestClockFactory.NOW.minusSeconds(60));
        attendanceClient.invalidateAll();
        HttpResponse<String> changed = http.toBlocking().exchange(HttpRequest.GET("/v1/team/board")
                .bearerAuth(MANAGER_TOKEN).header("If-None-Match", etag), String.class);
        assertEquals(200, changed.getStatus().getCode());
        assertNotEquals(etag, changed.getHeaders().get("ETag"));
        assertTrue(changed.body().contains("ATTENDANCE_MODE_HOME"), changed.body());
    }
}
