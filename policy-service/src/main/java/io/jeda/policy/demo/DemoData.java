package io.jeda.policy.demo;

import io.jeda.policy.domain.Ids;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.WorkPlace;
import io.jeda.policy.domain.calendar.Absence;
import io.jeda.policy.domain.calendar.AbsenceKind;
import io.jeda.policy.domain.calendar.CalendarDay;
import io.jeda.policy.domain.calendar.CalendarDayKind;
import io.jeda.policy.domain.organisation.FlexiTimeKind;
import io.jeda.policy.domain.organisation.Office;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.domain.plan.Plan;
import io.jeda.policy.domain.plan.PlanDay;
import io.jeda.policy.domain.plan.PlanState;
import io.jeda.policy.domain.plan.PlanTransition;
import io.jeda.policy.domain.roster.Roster;
import io.jeda.policy.domain.roster.RosterMember;
import io.jeda.policy.persistence.AbsenceRepository;
import io.jeda.policy.persistence.CalendarDayRepository;
import io.jeda.policy.persistence.OfficeRepository;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.PlanRepository;
import io.jeda.policy.persistence.PlanTransitionRepository;
import io.jeda.policy.persistence.PositionRepository;
import io.jeda.policy.persistence.RosterMemberRepository;
import io.jeda.policy.persistence.RosterRepository;
import io.jeda.policy.persistence.UnitRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Demo data for local runs ({@code ./jeda up}): three units in the three time zones, positions of
 * different eligibility, about fifty officers with valid NIPs and their managers, approved, pending
 * and rejected plans, holidays, leave and a 24/7 complaint-desk roster. It is written only when
 * {@code jeda.demo.enabled} is true and the database holds no units yet.
 */
@Singleton
@Requires(property = "jeda.demo.enabled", value = "true")
public class DemoData {

    /** The head of Diskominfo Belitung Timur: manager of the demo officers. */
    public static final String MANAGER = "197805152005011002";
    /** An analyst with an approved plan: home on Tuesday and Thursday. */
    public static final String ANALYST = "199001012015032001";
    /** An officer whose plan waits for the manager's approval. */
    public static final String PENDING = "199204172019021003";
    /** The complaint-desk officers on the on-call roster. */
    public static final String DESK_1 = "198811202012011005";
    public static final String DESK_2 = "199107082016022006";
    public static final String DESK_3 = "199502142021011007";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String[] NAMES = {
        "Agus Salim", "Dewi Lestari", "Rudi Hartono", "Nur Aini", "Yusuf Maulana", "Rina Marlina",
        "Fajar Nugroho", "Wulan Sari", "Andi Pratama", "Maya Puspita", "Irfan Hakim", "Lina Kartika",
        "Taufik Hidayat", "Sri Wahyuni", "Bayu Saputra", "Ratna Dewi", "Hadi Susanto", "Fitri Handayani",
        "Eko Prasetyo", "Yuni Astuti", "Arif Rahman", "Desi Ratnasari", "Joko Widodo Putra", "Putri Ayu",
        "Rizky Firmansyah", "Indah Permata", "Dimas Anggara", "Nadia Safitri", "Ilham Akbar", "Sari Indah",
        "Gilang Ramadhan", "Citra Kirana", "Hendro Wibowo", "Mega Utami", "Reza Pahlevi", "Tika Anggraini",
        "Yohanes Wenda", "Maria Kogoya", "Daniel Rumbiak", "Paulus Waromi", "Andi Baso", "Nurhayati Daeng"
    };

    private final UnitRepository units;
    private final OfficeRepository offices;
    private final PositionRepository positions;
    private final OfficerRepository officers;
    private final PlanRepository plans;
    private final PlanTransitionRepository transitions;
    private final CalendarDayRepository calendar;
    private final AbsenceRepository absences;
    private final RosterRepository rosters;
    private final RosterMemberRepository members;
    private final PolicySettings settings;

    public DemoData(UnitRepository units, OfficeRepository offices, PositionRepository positions,
                    OfficerRepository officers, PlanRepository plans, PlanTransitionRepository transitions,
                    CalendarDayRepository calendar, AbsenceRepository absences, RosterRepository rosters,
                    RosterMemberRepository members, PolicySettings settings) {
        this.units = units;
        this.offices = offices;
        this.positions = positions;
        this.officers = officers;
        this.plans = plans;
        this.transitions = transitions;
        this.calendar = calendar;
        this.absences = absences;
        this.rosters = rosters;
        this.members = members;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (units.count() > 0) {
            LOG.info("demo data: database already has units, nothing seeded");
            return;
        }
        seed();
    }

    @Transactional
    void seed() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        LocalTime close = settings.dayCloseTime();

        units.save(new Unit("diskominfo-beltim", "Diskominfo Kabupaten Belitung Timur", null, "Asia/Jakarta",
                close, false, now, now));
        units.save(new Unit("beltim-pengaduan", "Layanan Pengaduan Masyarakat 24/7 Belitung Timur",
                "diskominfo-beltim", "Asia/Jakarta", close, true, now, now));
        units.save(new Unit("diskominfo-makassar", "Dinas Kominfo Kota Makassar", null, "Asia/Makassar",
                close, false, now, now));
        units.save(new Unit("diskominfo-jayapura", "Dinas Kominfo Kota Jayapura", null, "Asia/Jayapura",
                close, false, now, now));
        offices.save(new Office(null, "diskominfo-beltim", "manggar", "Kantor Bupati Manggar", -2.8731, 108.2806, 150));
        offices.save(new Office(null, "beltim-pengaduan", "manggar", "Kantor Bupati Manggar", -2.8731, 108.2806, 150));
        offices.save(new Office(null, "diskominfo-makassar", "balaikota", "Balai Kota Makassar", -5.1346, 119.4124, 200));
        offices.save(new Office(null, "diskominfo-jayapura", "dok2", "Kantor Wali Kota Jayapura", -2.5337, 140.7181, 200));

        positions.save(position("kepala-dinas", "Kepala Dinas", false, EnumSet.of(WorkPlace.OFFICE), 0,
                FlexiTimeKind.FIXED, settings.dailyWorkMinutes(), now));
        positions.save(position("analis-kebijakan", "Analis Kebijakan", true, EnumSet.of(WorkPlace.HOME), 2,
                FlexiTimeKind.WINDOW, settings.dailyWorkMinutes(), now));
        positions.save(position("pranata-komputer", "Pranata Komputer", true,
                EnumSet.of(WorkPlace.HOME, WorkPlace.OTHER_OFFICE), 2, FlexiTimeKind.DYNAMIC,
                settings.dailyWorkMinutes(), now));
        positions.save(position("petugas-pengaduan", "Petugas Layanan Pengaduan", true, EnumSet.of(WorkPlace.OFFICE),
                0, FlexiTimeKind.SHIFT, 480, now));

        List<Officer> all = new ArrayList<>();
        all.add(officer(MANAGER, "Hendra Gunawan", "diskominfo-beltim", "kepala-dinas", null, -2.8702, 108.2851, now));
        all.add(officer(ANALYST, "Siti Rahmawati", "diskominfo-beltim", "analis-kebijakan", MANAGER, -2.8655, 108.2902, now));
        all.add(officer(PENDING, "Budi Santoso", "diskominfo-beltim", "pranata-komputer", MANAGER, -2.8810, 108.2750, now));
        all.add(officer("199312052020121004", "Ayu Lestari", "diskominfo-beltim", "analis-kebijakan", MANAGER,
                -2.8690, 108.2790, now));
        all.add(officer(DESK_1, "Rahmat Hidayat", "beltim-pengaduan", "petugas-pengaduan", MANAGER, -2.8760, 108.2830, now));
        all.add(officer(DESK_2, "Lestari Ningsih", "beltim-pengaduan", "petugas-pengaduan", MANAGER, -2.8720, 108.2880, now));
        all.add(officer(DESK_3, "Wahyu Kurniawan", "beltim-pengaduan", "petugas-pengaduan", MANAGER, -2.8700, 108.2700, now));
        all.add(officer("197902102006041001", "Andi Mappanyukki", "diskominfo-makassar", "kepala-dinas", null,
                -5.1400, 119.4200, now));
        all.add(officer("198006202008012001", "Yosephina Itaar", "diskominfo-jayapura", "kepala-dinas", null,
                -2.5400, 140.7100, now));
        // Staff of the three units, with NIPs made from their birth date, appointment month and sequence.
        String[] unitIds = {"diskominfo-beltim", "diskominfo-makassar", "diskominfo-jayapura"};
        String[] heads = {MANAGER, "197902102006041001", "198006202008012001"};
        double[][] homes = {{-2.87, 108.28}, {-5.14, 119.42}, {-2.54, 140.71}};
        for (int i = 0; i < NAMES.length; i++) {
            int u = i < 14 ? 0 : i < 28 ? 1 : 2;
            LocalDate birth = LocalDate.of(1975 + (i % 22), 1 + (i % 12), 1 + (i % 27));
            int gender = i % 2 == 0 ? 1 : 2;
            String nip = String.format("%04d%02d%02d%04d%02d%d%03d", birth.getYear(), birth.getMonthValue(),
                    birth.getDayOfMonth(), birth.getYear() + 24, 1 + (i % 12), gender, 100 + i);
            String pos = i % 3 == 0 ? "pranata-komputer" : "analis-kebijakan";
            all.add(officer(nip, NAMES[i], unitIds[u], pos, heads[u], homes[u][0] + 0.001 * (i % 7),
                    homes[u][1] + 0.001 * (i % 5), now));
        }
        officers.saveAll(all);

        LocalDate first = today.withDayOfMonth(1);
        LocalDate last = first.plusMonths(6).minusDays(1);
        List<PlanDay> analystWeek = List.of(
                new PlanDay(DayOfWeek.MONDAY, WorkPlace.OFFICE, LocalTime.of(7, 30)),
                new PlanDay(DayOfWeek.TUESDAY, WorkPlace.HOME, LocalTime.of(8, 0)),
                new PlanDay(DayOfWeek.WEDNESDAY, WorkPlace.OFFICE, LocalTime.of(7, 30)),
                new PlanDay(DayOfWeek.THURSDAY, WorkPlace.HOME, LocalTime.of(8, 0)),
                new PlanDay(DayOfWeek.FRIDAY, WorkPlace.OFFICE, LocalTime.of(7, 30)));
        plan(ANALYST, first, last, analystWeek, PlanState.APPROVED, "Dua hari kerja dari rumah", "", now);
        plan(PENDING, first.plusMonths(1), last, List.of(
                new PlanDay(DayOfWeek.MONDAY, WorkPlace.OFFICE, LocalTime.of(8, 0)),
                new PlanDay(DayOfWeek.TUESDAY, WorkPlace.OFFICE, LocalTime.of(8, 0)),
                new PlanDay(DayOfWeek.WEDNESDAY, WorkPlace.HOME, LocalTime.of(8, 0)),
                new PlanDay(DayOfWeek.THURSDAY, WorkPlace.OFFICE, LocalTime.of(8, 0)),
                new PlanDay(DayOfWeek.FRIDAY, WorkPlace.OTHER_OFFICE, LocalTime.of(8, 0))),
                PlanState.SUBMITTED, "Rabu di rumah, Jumat di kantor cabang", "", now);
        plan("199312052020121004", first, last, List.of(
                new PlanDay(DayOfWeek.MONDAY, WorkPlace.HOME, LocalTime.of(7, 30)),
                new PlanDay(DayOfWeek.TUESDAY, WorkPlace.HOME, LocalTime.of(7, 30)),
                new PlanDay(DayOfWeek.WEDNESDAY, WorkPlace.HOME, LocalTime.of(7, 30)),
                new PlanDay(DayOfWeek.THURSDAY, WorkPlace.OFFICE, LocalTime.of(7, 30)),
                new PlanDay(DayOfWeek.FRIDAY, WorkPlace.OFFICE, LocalTime.of(7, 30))),
                PlanState.REJECTED, "Tiga hari dari rumah", "Maksimal dua hari kerja dari rumah per minggu", now);
        List<PlanDay> shifts = new ArrayList<>();
        // The complaint desk is staffed every day of the week, holidays included.
        for (DayOfWeek d : DayOfWeek.values()) {
            shifts.add(new PlanDay(d, WorkPlace.OFFICE, LocalTime.of(7, 0)));
        }
        for (String desk : List.of(DESK_1, DESK_2, DESK_3)) {
            plan(desk, first, last, shifts, PlanState.APPROVED, "Shift pagi layanan pengaduan", "", now);
        }

        int year = today.getYear();
        calendar.save(new CalendarDay(Ids.newId(), LocalDate.of(year, 12, 25), CalendarDayKind.NATIONAL_HOLIDAY,
                "Hari Raya Natal", null, now));
        calendar.save(new CalendarDay(Ids.newId(), LocalDate.of(year, 12, 24), CalendarDayKind.COLLECTIVE_LEAVE,
                "Cuti bersama Hari Raya Natal", null, now));
        calendar.save(new CalendarDay(Ids.newId(), LocalDate.of(year + 1, 1, 1), CalendarDayKind.NATIONAL_HOLIDAY,
                "Tahun Baru Masehi", null, now));
        calendar.save(new CalendarDay(Ids.newId(), LocalDate.of(year, 8, 17), CalendarDayKind.NATIONAL_HOLIDAY,
                "Hari Kemerdekaan Republik Indonesia", null, now));
        LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        absences.save(new Absence(Ids.newId(), "199312052020121004", AbsenceKind.LEAVE, nextMonday,
                nextMonday.plusDays(2), "Cuti tahunan", now));

        // The agency's complaint desk is on call around the clock in 12-hour turns, starting on a
        // Monday 00:00 WIB: whoever is on call is the contact for urgent matters of Diskominfo Beltim.
        Instant rosterStart = ZonedDateTime.of(first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                LocalTime.MIDNIGHT, ZoneId.of("Asia/Jakarta")).toInstant();
        rosters.save(new Roster("piket-pengaduan-beltim", "Piket Layanan Pengaduan 24/7", "diskominfo-beltim", 12,
                rosterStart, settings.rosterMaxHoursPerWeek(), now, now, false));
        members.save(new RosterMember(null, "piket-pengaduan-beltim", 0, DESK_1, DESK_2));
        members.save(new RosterMember(null, "piket-pengaduan-beltim", 1, DESK_2, DESK_3));
        members.save(new RosterMember(null, "piket-pengaduan-beltim", 2, DESK_3, DESK_1));
        LOG.info("demo data: seeded {} officers in 4 units, plans, holidays, leave and an on-call roster", all.size());
    }

    private Position position(String id, String name, boolean eligible, EnumSet<WorkPlace> places, int remote,
                              FlexiTimeKind kind, int daily, Instant now) {
        return new Position(id, name, eligible, Position.encodePlaces(places), remote, kind, settings.defaultStart(),
                settings.startWindowBegin(), settings.startWindowEnd(), settings.weeklyWorkMinutes(), daily,
                settings.breakMinutes(), settings.fridayBreakMinutes(), settings.coreStart(), settings.coreEnd(),
                now, now);
    }

    private static Officer officer(String nip, String name, String unit, String position, String manager,
                                   double lat, double lon, Instant now) {
        return new Officer(nip, name, unit, position, manager, lat, lon, 100, null, null, now, now);
    }

    private void plan(String nip, LocalDate start, LocalDate end, List<PlanDay> days, PlanState state, String note,
                      String reason, Instant now) {
        String id = Ids.newId();
        plans.save(new Plan(id, nip, start, end, PlanDay.encode(days), state, note, reason, null, now, now, 0));
        transitions.save(new PlanTransition(null, id, PlanState.DRAFT, PlanState.DRAFT, "officers/" + nip, now, ""));
        transitions.save(new PlanTransition(null, id, PlanState.DRAFT, PlanState.SUBMITTED, "officers/" + nip, now, ""));
        if (state != PlanState.SUBMITTED) {
            transitions.save(new PlanTransition(null, id, PlanState.SUBMITTED, state, "officers/" + MANAGER, now, reason));
        }
    }
}
