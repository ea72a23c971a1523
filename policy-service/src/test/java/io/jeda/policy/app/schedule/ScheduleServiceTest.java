package io.jeda.policy.app.schedule;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.organisation.FlexiTimeKind;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.domain.roster.OnCallLookup;
import io.jeda.policy.domain.schedule.EffectiveDay;
import io.jeda.policy.domain.schedule.ScheduleBatch;
import io.jeda.policy.domain.schedule.ScheduleFixtures;
import io.jeda.policy.domain.schedule.ScheduleReason;
import io.jeda.policy.persistence.AbsenceRepository;
import io.jeda.policy.persistence.CalendarDayRepository;
import io.jeda.policy.persistence.DayExceptionRepository;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.PlanRepository;
import io.jeda.policy.persistence.PositionRepository;
import io.jeda.policy.persistence.RamadanPeriodRepository;
import io.jeda.policy.persistence.UnitRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static io.jeda.policy.domain.schedule.ScheduleFixtures.CREATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the schedule service loads its inputs: a fixed number of queries however many officers are
 * asked about, and "today" taken in each officer's own zone. Repositories are in-memory fakes that
 * count every call, so these tests run without a database.
 */
class ScheduleServiceTest {

    /** 2026-08-09 23:30 in Jakarta (a Sunday) is already 2026-08-10 01:30 in Jayapura (a Monday). */
    static final Instant NOW = Instant.parse("2026-08-09T16:30:00Z");
    static final Caller SERVICE = new Caller("gateway", Set.of(Role.SERVICE));

    final List<String> calls = new ArrayList<>();
    final Map<String, Officer> officers = new HashMap<>();
    final Map<String, Unit> units = new HashMap<>();
    final Position position = ScheduleFixtures.position(FlexiTimeKind.WINDOW);

    ScheduleServiceTest() {
        // A three-level hierarchy in each zone: ministry-x > directorate-x > office-x.
        for (String zone : List.of("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")) {
            String z = zone.substring(5).toLowerCase();
            unit("ministry-" + z, null, zone);
            unit("directorate-" + z, "ministry-" + z, zone);
            unit("office-" + z, "directorate-" + z, zone);
        }
    }

    void unit(String id, String parent, String zone) {
        units.put(id, new Unit(id, id, parent, zone, LocalTime.of(23, 59), false, CREATED, CREATED));
    }

    String officer(int i, String unitId) {
        String nip = String.format("19850101201001%04d", i);
        officers.put(nip, new Officer(nip, "Officer " + i, unitId, position.id(), null, null, null, null, null, null,
                CREATED, CREATED));
        return nip;
    }

    @SuppressWarnings("unchecked")
    <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(this, args);
            }
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            calls.add(type.getSimpleName() + "." + method.getName());
            return answer.apply(args);
        });
    }

    ScheduleService service() {
        OfficerRepository officerRepo = fake(OfficerRepository.class, Map.of(
                "findByNipIn", a -> ((Collection<String>) a[0]).stream().map(officers::get).filter(o -> o != null).toList(),
                "findById", a -> Optional.ofNullable(officers.get((String) a[0]))));
        UnitRepository unitRepo = fake(UnitRepository.class, Map.of(
                "findByIdIn", a -> ((Collection<String>) a[0]).stream().map(units::get).filter(u -> u != null).toList()));
        PositionRepository positionRepo = fake(PositionRepository.class, Map.of("findByIdIn", a -> List.of(position)));
        PlanRepository planRepo = fake(PlanRepository.class, Map.of(
                "findByOfficerNipInAndStateAndStartDateLessThanEqualsAndEndDateGreaterThanEquals", a -> List.of()));
        DayExceptionRepository exceptionRepo = fake(DayExceptionRepository.class, Map.of(
                "findByOfficerNipInAndStateAndOnDateBetween", a -> List.of()));
        AbsenceRepository absenceRepo = fake(AbsenceRepository.class, Map.of(
                "findByOfficerNipInAndStartDateLessThanEqualsAndEndDateGreaterThanEquals", a -> List.of()));
        CalendarDayRepository calendarRepo = fake(CalendarDayRepository.class, Map.of(
                "findByOnDateBetweenOrderByOnDate", a -> List.of()));
        RamadanPeriodRepository ramadanRepo = fake(RamadanPeriodRepository.class, Map.of(
                "findByStartDateLessThanEqualsAndEndDateGreaterThanEquals", a -> List.of()));
        OnCallLookup onCall = fake(OnCallLookup.class, Map.of("slotsFor", a -> List.of()));
        return new ScheduleService(officerRepo, unitRepo, positionRepo, planRepo, exceptionRepo, absenceRepo,
                calendarRepo, ramadanRepo, onCall, Clock.fixed(NOW, ZoneOffset.UTC), PolicySettings.defaults());
    }

    List<String> batchOf(int n) {
        List<String> zones = List.of("office-jakarta", "office-makassar", "office-jayapura");
        List<String> nips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nips.add(officer(i, zones.get(i % 3)));
        }
        return nips;
    }

    @Test
    void batchQueriesDoNotGrowWithTheNumberOfOfficers() {
        ScheduleService service = service();
        service.batch(SERVICE, batchOf(3), LocalDate.parse("2026-08-10"));
        List<String> few = List.copyOf(calls);
        calls.clear();
        List<String> many = new ArrayList<>(batchOf(500));
        ScheduleBatch batch = service.batch(SERVICE, many, LocalDate.parse("2026-08-10"));
        assertEquals(500, batch.schedules().size());
        assertEquals(few, calls, "the same queries for 3 and for 500 officers");
        // officers, units (one per level: three levels), positions, plans, exceptions, absences,
        // calendar, Ramadan, on-call.
        assertEquals(11, calls.size(), calls.toString());
    }

    @Test
    void batchAnswersInRequestOrderOnceEachAndListsUnknownOfficers() {
        List<String> nips = batchOf(4);
        List<String> asked = List.of(nips.get(2), "199912312020121999", nips.get(0), nips.get(2));
        ScheduleBatch batch = service().batch(SERVICE, asked, LocalDate.parse("2026-08-10"));
        assertEquals(List.of(nips.get(2), nips.get(0)), batch.schedules().stream().map(EffectiveDay::officerNip).toList());
        assertEquals(List.of("199912312020121999"), batch.notFound());
    }

    @Test
    void todayIsTakenInEachOfficersOwnZone() {
        String wib = officer(1, "office-jakarta");
        String wit = officer(2, "office-jayapura");
        ScheduleBatch batch = service().batch(SERVICE, List.of(wib, wit), null);
        EffectiveDay jakarta = batch.schedules().get(0);
        EffectiveDay jayapura = batch.schedules().get(1);
        assertEquals(LocalDate.parse("2026-08-09"), jakarta.date());
        assertEquals(ScheduleReason.WEEKEND, jakarta.reason());
        assertEquals(LocalDate.parse("2026-08-10"), jayapura.date());
        assertEquals(ScheduleReason.POSITION_DEFAULT, jayapura.reason());
        assertEquals(Instant.parse("2026-08-09T22:30:00Z"), jayapura.work().startTime());
    }

    @Test
    void singleDefaultDateIsTodayInTheOfficersZone() {
        String wit = officer(2, "office-jayapura");
        EffectiveDay day = service().get(SERVICE, wit, null);
        assertEquals(LocalDate.parse("2026-08-10"), day.date());
        assertEquals(ScheduleFixtures.WIT, day.zone());
    }

    @Test
    void rangeIsResolvedWithOneQueryPerKindOfInput() {
        String nip = officer(1, "office-makassar");
        List<EffectiveDay> days = service().list(SERVICE, nip, LocalDate.parse("2026-08-01"), LocalDate.parse("2026-08-31"));
        assertEquals(31, days.size());
        assertEquals(LocalDate.parse("2026-08-31"), days.get(30).date());
        assertEquals(11, calls.size(), calls.toString());
    }

    @Test
    void batchLimitsComeFromTheSettings() {
        ScheduleService service = service();
        JedaException empty = assertThrows(JedaException.class, () -> service.batch(SERVICE, List.of(), null));
        assertEquals("EMPTY_BATCH", empty.reason());
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= PolicySettings.defaults().scheduleMaxBatchOfficers(); i++) {
            tooMany.add(String.format("19850101201001%04d", i));
        }
        JedaException large = assertThrows(JedaException.class, () -> service.batch(SERVICE, tooMany, null));
        assertEquals(ErrorKind.INVALID_ARGUMENT, large.kind());
        assertEquals("BATCH_TOO_LARGE", large.reason());
        assertTrue(calls.isEmpty(), "refused before any query");
    }
}
