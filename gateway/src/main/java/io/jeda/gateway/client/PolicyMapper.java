package io.jeda.gateway.client;

import com.google.protobuf.Timestamp;
import io.jeda.gateway.reachability.DaySchedule;
import io.jeda.gateway.reachability.OfficerProfile;
import io.jeda.gateway.reachability.OnCallSlot;
import io.jeda.gateway.reachability.ScheduleReason;
import io.jeda.gateway.reachability.TimeWindow;
import io.jeda.gateway.reachability.WorkPlace;
import io.jeda.policy.v1.EffectiveSchedule;
import io.jeda.policy.v1.LocalWindow;
import io.jeda.policy.v1.Officer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The only place that knows both the jeda.policy.v1 messages and the engine's mirror types, so that
 * the engine stays free of generated code and a change of the policy API touches one class.
 */
final class PolicyMapper {

    private final ZoneId defaultZone;

    PolicyMapper(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    static String strip(String name, String prefix) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return defaultZone;
        }
    }

    OfficerProfile officer(Officer o) {
        String nip = !o.getNip().isEmpty() ? o.getNip() : strip(o.getName(), "officers/");
        String unit = strip(o.getUnit(), "units/");
        return new OfficerProfile(nip, o.getDisplayName(), unit == null ? "" : unit, zone(o.getTimeZone()),
                strip(o.getManager(), "officers/"));
    }

    DaySchedule schedule(String nip, EffectiveSchedule s) {
        LocalDate date = LocalDate.of(s.getDate().getYear(), s.getDate().getMonth(), s.getDate().getDay());
        TimeWindow work = s.hasWork() ? window(s.getWork()) : null;
        boolean working = s.getWorking() && work != null;
        return new DaySchedule(nip, date, zone(s.getTimeZone()), working, reason(s.getReason()),
                working ? place(s.getPlace()) : null, work, s.hasCore() ? window(s.getCore()) : null,
                s.getOnCallList().stream().map(this::slot).toList());
    }

    List<OnCallSlot> slots(List<io.jeda.policy.v1.OnCallSlot> slots) {
        return slots.stream().map(this::slot).toList();
    }

    OnCallSlot slot(io.jeda.policy.v1.OnCallSlot s) {
        return new OnCallSlot(strip(s.getRoster(), "rosters/"), instant(s.getStartTime()), instant(s.getEndTime()),
                strip(s.getPrimary(), "officers/"), strip(s.getBackup(), "officers/"));
    }

    private static TimeWindow window(LocalWindow w) {
        if (!w.hasStartTime() || !w.hasEndTime()) {
            return null;
        }
        Instant start = instant(w.getStartTime());
        Instant end = instant(w.getEndTime());
        return end.isAfter(start) ? new TimeWindow(start, end) : null;
    }

    static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    static com.google.type.Date date(LocalDate d) {
        return com.google.type.Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue())
                .setDay(d.getDayOfMonth()).build();
    }

    static ScheduleReason reason(io.jeda.policy.v1.ScheduleReason r) {
        return switch (r) {
            case SCHEDULE_REASON_PLAN -> ScheduleReason.PLAN;
            case SCHEDULE_REASON_EXCEPTION -> ScheduleReason.EXCEPTION;
            case SCHEDULE_REASON_WEEKEND -> ScheduleReason.WEEKEND;
            case SCHEDULE_REASON_NATIONAL_HOLIDAY -> ScheduleReason.NATIONAL_HOLIDAY;
            case SCHEDULE_REASON_COLLECTIVE_LEAVE -> ScheduleReason.COLLECTIVE_LEAVE;
            case SCHEDULE_REASON_AGENCY_DAY -> ScheduleReason.AGENCY_DAY;
            case SCHEDULE_REASON_LEAVE -> ScheduleReason.LEAVE;
            case SCHEDULE_REASON_OFFICIAL_TRAVEL -> ScheduleReason.OFFICIAL_TRAVEL;
            case SCHEDULE_REASON_SHIFT -> ScheduleReason.SHIFT;
            // An unknown or unset reason is read as the plain default day; the working flag decides.
            case SCHEDULE_REASON_POSITION_DEFAULT, SCHEDULE_REASON_UNSPECIFIED, UNRECOGNIZED ->
                    ScheduleReason.POSITION_DEFAULT;
        };
    }

    static WorkPlace place(io.jeda.policy.v1.WorkPlace p) {
        return switch (p) {
            case WORK_PLACE_HOME -> WorkPlace.HOME;
            case WORK_PLACE_OTHER_OFFICE -> WorkPlace.OTHER_OFFICE;
            case WORK_PLACE_OTHER -> WorkPlace.OTHER;
            case WORK_PLACE_OFFICE, WORK_PLACE_UNSPECIFIED, UNRECOGNIZED -> WorkPlace.OFFICE;
        };
    }
}
