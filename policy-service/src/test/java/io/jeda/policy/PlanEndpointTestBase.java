package io.jeda.policy;

import com.google.type.Date;
import com.google.type.DayOfWeek;
import com.google.type.TimeOfDay;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.policy.domain.organisation.FlexiTimeKind;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.PositionRepository;
import io.jeda.policy.persistence.UnitRepository;
import io.jeda.policy.v1.ApprovePlanRequest;
import io.jeda.policy.v1.CreatePlanRequest;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.PlanDay;
import io.jeda.policy.v1.PlanServiceGrpc;
import io.jeda.policy.v1.SubmitPlanRequest;
import io.jeda.policy.v1.WorkPlace;
import io.jeda.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The people and positions every plan endpoint test starts from: a team (a manager and two
 * officers in WIB), an officer of another manager, an officer in WIT, and a position that allows two
 * home days in a 07:00-09:00 start window. The clock is pinned to Monday 2 March 2026, 08:00 WIB.
 */
abstract class PlanEndpointTestBase extends PolicyTestBase {

    static final String MANAGER = "198001012005011001";
    static final String OFFICER = "199001012015011002";
    static final String COLLEAGUE = "199102022016012003";
    static final String OTHER_MANAGER = "198502022010011004";
    static final String OUTSIDER = "199203032017011005";
    static final String EASTERN = "199304042018012006";
    static final String ADMIN = "admin-console";
    static final String SERVICE = "gateway";

    static final Instant MONDAY_MORNING_WIB = Instant.parse("2026-03-02T01:00:00Z");
    static final LocalDate PLAN_START = LocalDate.of(2026, 3, 9);
    static final LocalDate PLAN_END = LocalDate.of(2026, 6, 30);

    @Inject
    UnitRepository units;
    @Inject
    PositionRepository positions;
    @Inject
    OfficerRepository officers;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("jeda.test.plan-clock", "true");
        return p;
    }

    @BeforeEach
    void seedTeam() {
        PlanTestClock.INSTANCE.set(MONDAY_MORNING_WIB);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        units.save(new Unit("biro-umum", "Biro Umum", null, "Asia/Jakarta", LocalTime.of(23, 59), false, t, t));
        units.save(new Unit("kantor-papua", "Kantor Papua", null, "Asia/Jayapura", LocalTime.of(23, 59), false, t, t));
        positions.save(analyst(2));
        officers.save(officer(MANAGER, "biro-umum", null));
        officers.save(officer(OFFICER, "biro-umum", MANAGER));
        officers.save(officer(COLLEAGUE, "biro-umum", MANAGER));
        officers.save(officer(OTHER_MANAGER, "biro-umum", null));
        officers.save(officer(OUTSIDER, "biro-umum", OTHER_MANAGER));
        officers.save(officer(EASTERN, "kantor-papua", MANAGER));
    }

    static Position analyst(int maxRemoteDays) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Position("analis", "Analis Kebijakan", true, "OFFICE,HOME", maxRemoteDays, FlexiTimeKind.WINDOW,
                LocalTime.of(7, 30), LocalTime.of(7, 0), LocalTime.of(9, 0), 2250, 450, 60, 90,
                LocalTime.of(9, 0), LocalTime.of(15, 0), t, t);
    }

    static Officer officer(String nip, String unit, String manager) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Officer(nip, "Officer " + nip, unit, "analis", manager, null, null, null, null, null, t, t);
    }

    PlanServiceGrpc.PlanServiceBlockingStub as(String subject, Role... roles) {
        return PlanServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    PlanServiceGrpc.PlanServiceBlockingStub officer() {
        return as(OFFICER, Role.OFFICER);
    }

    PlanServiceGrpc.PlanServiceBlockingStub manager() {
        return as(MANAGER, Role.MANAGER);
    }

    PlanServiceGrpc.PlanServiceBlockingStub admin() {
        return as(ADMIN, Role.ADMIN);
    }

    static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    static TimeOfDay time(int h, int m) {
        return TimeOfDay.newBuilder().setHours(h).setMinutes(m).build();
    }

    static PlanDay day(DayOfWeek d, WorkPlace place, TimeOfDay start) {
        PlanDay.Builder b = PlanDay.newBuilder().setDayOfWeek(d).setPlace(place);
        if (start != null) {
            b.setStartTime(start);
        }
        return b.build();
    }

    /** Two home days, starts inside the window, one day leaving the start to the position default. */
    static Plan validPlan() {
        return Plan.newBuilder()
                .setStartDate(date(PLAN_START)).setEndDate(date(PLAN_END))
                .addDays(day(DayOfWeek.MONDAY, WorkPlace.WORK_PLACE_OFFICE, time(7, 30)))
                .addDays(day(DayOfWeek.TUESDAY, WorkPlace.WORK_PLACE_OFFICE, null))
                .addDays(day(DayOfWeek.WEDNESDAY, WorkPlace.WORK_PLACE_HOME, time(8, 0)))
                .addDays(day(DayOfWeek.THURSDAY, WorkPlace.WORK_PLACE_OFFICE, time(7, 30)))
                .addDays(day(DayOfWeek.FRIDAY, WorkPlace.WORK_PLACE_HOME, time(7, 30)))
                .setNote("two days at home while my child starts school")
                .build();
    }

    Plan create(String nip, Plan plan) {
        return as(nip, Role.OFFICER).createPlan(CreatePlanRequest.newBuilder()
                .setParent("officers/" + nip).setPlan(plan).build());
    }

    Plan submitted(String nip) {
        Plan p = create(nip, validPlan());
        return as(nip, Role.OFFICER).submitPlan(SubmitPlanRequest.newBuilder().setName(p.getName()).build());
    }

    /** A plan of one of the manager's reports, approved by the manager. */
    Plan approved(String nip) {
        Plan p = submitted(nip);
        return manager().approvePlan(ApprovePlanRequest.newBuilder().setName(p.getName()).build());
    }

}
