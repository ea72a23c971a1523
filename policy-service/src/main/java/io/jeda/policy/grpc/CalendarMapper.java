package io.jeda.policy.grpc;

import io.jeda.common.names.AbsenceName;
import io.jeda.common.names.CalendarDayName;
import io.jeda.common.names.RamadanPeriodName;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.domain.calendar.Absence;
import io.jeda.policy.domain.calendar.AbsenceKind;
import io.jeda.policy.domain.calendar.CalendarDay;
import io.jeda.policy.domain.calendar.CalendarDayKind;
import io.jeda.policy.domain.calendar.RamadanPeriod;
import io.jeda.policy.v1.ListAbsencesRequest;
import io.jeda.policy.v1.ListAbsencesResponse;
import io.jeda.policy.v1.ListCalendarDaysRequest;
import io.jeda.policy.v1.ListCalendarDaysResponse;
import io.jeda.policy.v1.ListRamadanPeriodsRequest;
import io.jeda.policy.v1.ListRamadanPeriodsResponse;

import java.util.List;

/** Maps the CalendarService API to the calendar domain and back; the only class that knows both. */
public final class CalendarMapper {

    /** Page sizes documented on the List requests of calendar.proto. */
    static final int DAYS_DEFAULT_PAGE = 100;
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    private CalendarMapper() {
    }

    /** An absence's officer NIP and id from {@code officers/{nip}/absences/{id}}. */
    public static String calendarDayId(String name) {
        return CalendarDayName.parse(name, "name").calendarDayId();
    }

    public static AbsenceName absenceName(String name) {
        return AbsenceName.parse(name, "name");
    }

    // Calendar days

    public static CalendarDay toDomain(io.jeda.policy.v1.CalendarDay d) {
        return new CalendarDay(null, ProtoConversions.toLocalDate(d.getDate(), "calendar_day.date"), kind(d.getKind()),
                d.getDescription(), UnitMapper.optionalUnitId(d.getUnit(), "calendar_day.unit"), null);
    }

    public static io.jeda.policy.v1.CalendarDay toProto(CalendarDay d) {
        return io.jeda.policy.v1.CalendarDay.newBuilder()
                .setName(CalendarDayName.of(d.id()).toString())
                .setDate(ProtoConversions.toDate(d.onDate()))
                .setKind(toProto(d.kind()))
                .setDescription(d.description())
                .setUnit(d.unitId() == null ? "" : UnitMapper.name(d.unitId()))
                .build();
    }

    public static PageRequest page(ListCalendarDaysRequest r) {
        return PageRequest.of(r, DAYS_DEFAULT_PAGE, MAX_PAGE);
    }

    public static ListCalendarDaysResponse toDaysResponse(PageRequest.Page<CalendarDay> page) {
        ListCalendarDaysResponse.Builder b = ListCalendarDaysResponse.newBuilder();
        page.items().forEach(d -> b.addCalendarDays(toProto(d)));
        return b.setNextPageToken(page.nextPageToken()).build();
    }

    private static CalendarDayKind kind(io.jeda.policy.v1.CalendarDayKind k) {
        return switch (k) {
            case CALENDAR_DAY_KIND_NATIONAL_HOLIDAY -> CalendarDayKind.NATIONAL_HOLIDAY;
            case CALENDAR_DAY_KIND_COLLECTIVE_LEAVE -> CalendarDayKind.COLLECTIVE_LEAVE;
            case CALENDAR_DAY_KIND_AGENCY_DAY -> CalendarDayKind.AGENCY_DAY;
            default -> null;
        };
    }

    private static io.jeda.policy.v1.CalendarDayKind toProto(CalendarDayKind k) {
        return switch (k) {
            case NATIONAL_HOLIDAY -> io.jeda.policy.v1.CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY;
            case COLLECTIVE_LEAVE -> io.jeda.policy.v1.CalendarDayKind.CALENDAR_DAY_KIND_COLLECTIVE_LEAVE;
            case AGENCY_DAY -> io.jeda.policy.v1.CalendarDayKind.CALENDAR_DAY_KIND_AGENCY_DAY;
        };
    }

    // Ramadan periods

    /** A draft: zero numbers and an unset start time are left for the domain to default. */
    public static RamadanPeriod toDomain(io.jeda.policy.v1.RamadanPeriod r) {
        return new RamadanPeriod(null,
                ProtoConversions.toLocalDate(r.getStartDate(), "ramadan_period.start_date"),
                ProtoConversions.toLocalDate(r.getEndDate(), "ramadan_period.end_date"),
                r.getWeeklyWorkMinutes(),
                ProtoConversions.isSet(r.getStartTime())
                        ? ProtoConversions.toLocalTime(r.getStartTime(), "ramadan_period.start_time") : null,
                r.getBreakMinutes(), r.getFridayBreakMinutes(), null);
    }

    public static io.jeda.policy.v1.RamadanPeriod toProto(RamadanPeriod r) {
        return io.jeda.policy.v1.RamadanPeriod.newBuilder()
                .setName(RamadanPeriodName.of(r.id()).toString())
                .setStartDate(ProtoConversions.toDate(r.startDate()))
                .setEndDate(ProtoConversions.toDate(r.endDate()))
                .setWeeklyWorkMinutes(r.weeklyWorkMinutes())
                .setStartTime(ProtoConversions.toTimeOfDay(r.startTime()))
                .setBreakMinutes(r.breakMinutes())
                .setFridayBreakMinutes(r.fridayBreakMinutes())
                .build();
    }

    public static PageRequest page(ListRamadanPeriodsRequest r) {
        return PageRequest.of(r, DEFAULT_PAGE, MAX_PAGE);
    }

    public static ListRamadanPeriodsResponse toRamadanResponse(PageRequest.Page<RamadanPeriod> page) {
        ListRamadanPeriodsResponse.Builder b = ListRamadanPeriodsResponse.newBuilder();
        page.items().forEach(p -> b.addRamadanPeriods(toProto(p)));
        return b.setNextPageToken(page.nextPageToken()).build();
    }

    // Absences

    public static Absence toDomain(io.jeda.policy.v1.Absence a) {
        return new Absence(null, null, kind(a.getKind()),
                ProtoConversions.toLocalDate(a.getStartDate(), "absence.start_date"),
                ProtoConversions.toLocalDate(a.getEndDate(), "absence.end_date"),
                a.getDescription(), null);
    }

    public static io.jeda.policy.v1.Absence toProto(Absence a) {
        return io.jeda.policy.v1.Absence.newBuilder()
                .setName(AbsenceName.of(a.officerNip(), a.id()).toString())
                .setOfficer(OfficerMapper.name(a.officerNip()))
                .setKind(toProto(a.kind()))
                .setStartDate(ProtoConversions.toDate(a.startDate()))
                .setEndDate(ProtoConversions.toDate(a.endDate()))
                .setDescription(a.description())
                .build();
    }

    public static PageRequest page(ListAbsencesRequest r) {
        return PageRequest.of(r, DEFAULT_PAGE, MAX_PAGE);
    }

    public static ListAbsencesResponse toAbsencesResponse(PageRequest.Page<Absence> page) {
        ListAbsencesResponse.Builder b = ListAbsencesResponse.newBuilder();
        page.items().forEach(a -> b.addAbsences(toProto(a)));
        return b.setNextPageToken(page.nextPageToken()).build();
    }

    private static AbsenceKind kind(io.jeda.policy.v1.AbsenceKind k) {
        return switch (k) {
            case ABSENCE_KIND_LEAVE -> AbsenceKind.LEAVE;
            case ABSENCE_KIND_OFFICIAL_TRAVEL -> AbsenceKind.OFFICIAL_TRAVEL;
            default -> null;
        };
    }

    private static io.jeda.policy.v1.AbsenceKind toProto(AbsenceKind k) {
        return switch (k) {
            case LEAVE -> io.jeda.policy.v1.AbsenceKind.ABSENCE_KIND_LEAVE;
            case OFFICIAL_TRAVEL -> io.jeda.policy.v1.AbsenceKind.ABSENCE_KIND_OFFICIAL_TRAVEL;
        };
    }
}
