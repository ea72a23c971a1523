package io.jeda.policy.grpc;

import io.jeda.common.names.OfficerName;
import io.jeda.common.names.PlanName;
import io.jeda.common.names.RosterName;
import io.jeda.common.names.UnitName;
import io.jeda.policy.domain.roster.OnCallSlot;
import io.jeda.policy.domain.schedule.EffectiveDay;
import io.jeda.policy.domain.schedule.ScheduleBatch;
import io.jeda.policy.domain.schedule.ScheduleReason;
import io.jeda.policy.domain.schedule.ScheduleWindow;
import io.jeda.policy.v1.BatchGetEffectiveSchedulesResponse;
import io.jeda.policy.v1.EffectiveSchedule;
import io.jeda.policy.v1.ListEffectiveSchedulesResponse;
import io.jeda.policy.v1.LocalWindow;

import java.util.ArrayList;
import java.util.List;

import static io.jeda.policy.grpc.ProtoConversions.toTimeOfDay;
import static io.jeda.policy.grpc.ProtoConversions.toTimestamp;

/** The only place that knows both the schedule API's messages and the domain's effective days. */
public final class ScheduleMapper {

    private ScheduleMapper() {
    }

    /** The NIP of an {@code officers/{nip}} name; INVALID_ARGUMENT (INVALID_NAME) otherwise. */
    public static String nip(String name, String field) {
        return OfficerName.parse(name, field).nip();
    }

    /** The NIPs of the names, in request order; a malformed name refuses the whole request. */
    public static List<String> nips(List<String> names, String field) {
        List<String> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.add(nip(names.get(i), field + "[" + i + "]"));
        }
        return out;
    }

    public static EffectiveSchedule toProto(EffectiveDay d) {
        EffectiveSchedule.Builder b = EffectiveSchedule.newBuilder()
                .setOfficer(OfficerName.of(d.officerNip()).toString())
                .setDate(ProtoConversions.toDate(d.date()))
                .setTimeZone(d.zone().getId())
                .setWorking(d.working())
                .setReason(reason(d.reason()))
                .setWorkMinutes(d.workMinutes())
                .setRamadan(d.ramadan())
                .setDescription(d.description())
                .setUnit(UnitName.of(d.unitId()).toString());
        if (d.place() != null) {
            b.setPlace(ProtoConversions.toProto(d.place()));
        }
        d.allowedPlaces().forEach(p -> b.addAllowedPlaces(ProtoConversions.toProto(p)));
        if (d.work() != null) {
            b.setWork(window(d.work()));
        }
        if (d.core() != null) {
            b.setCore(window(d.core()));
        }
        if (d.planId() != null) {
            b.setPlan(PlanName.of(d.planId()).toString());
        }
        d.onCall().forEach(s -> b.addOnCall(slot(s)));
        return b.build();
    }

    public static ListEffectiveSchedulesResponse toListResponse(List<EffectiveDay> days) {
        ListEffectiveSchedulesResponse.Builder b = ListEffectiveSchedulesResponse.newBuilder();
        days.forEach(d -> b.addSchedules(toProto(d)));
        return b.build();
    }

    public static BatchGetEffectiveSchedulesResponse toBatchResponse(ScheduleBatch batch) {
        BatchGetEffectiveSchedulesResponse.Builder b = BatchGetEffectiveSchedulesResponse.newBuilder();
        batch.schedules().forEach(d -> b.addSchedules(toProto(d)));
        batch.notFound().forEach(nip -> b.addNotFound(OfficerName.of(nip).toString()));
        return b.build();
    }

    static io.jeda.policy.v1.ScheduleReason reason(ScheduleReason r) {
        return switch (r) {
            case PLAN -> io.jeda.policy.v1.ScheduleReason.SCHEDULE_REASON_PLAN;
            case EXCEPTION -> io.jeda.policy.v1.ScheduleReason.SCHEDULE_REASON_EXCEPTION;
            case POSITION_DEFAULT -> io.jeda.policy.v1.ScheduleReason.SCHEDULE_REASON_POSITION_DEFAULT;
            case WEEKEND -> io.jeda.policy.v1.ScheduleReason.SCHEDULE_REASON_WEEKEND;
            case NATIONAL_HOLIDAY -> io.jeda.policy.v1.ScheduleReason.SCHEDULE_REASON_NATIONAL_HOLIDAY;
            case COLLECTIVE_LEAVE -> io.jeda.policy.v1.ScheduleReason.SCHEDULE_REASON_COLLECTIVE_LEAVE;
            case AGENCY_DAY -> io.jeda.policy.v1.ScheduleReason.SCHEDULE_REASON_AGENCY_DAY;
            case LEAVE -> io.jeda.policy.v1.ScheduleReason.SCHEDULE_REASON_LEAVE;
            case OFFICIAL_TRAVEL -> io.jeda.policy.v1.ScheduleReason.SCHEDULE_REASON_OFFICIAL_TRAVEL;
            case SHIFT -> io.jeda.policy.v1.ScheduleReason.SCHEDULE_REASON_SHIFT;
        };
    }

    private static LocalWindow window(ScheduleWindow w) {
        return LocalWindow.newBuilder()
                .setStart(toTimeOfDay(w.start()))
                .setEnd(toTimeOfDay(w.end()))
                .setStartTime(toTimestamp(w.startTime()))
                .setEndTime(toTimestamp(w.endTime()))
                .build();
    }

    private static io.jeda.policy.v1.OnCallSlot slot(OnCallSlot s) {
        io.jeda.policy.v1.OnCallSlot.Builder b = io.jeda.policy.v1.OnCallSlot.newBuilder()
                .setRoster(RosterName.of(s.rosterId()).toString())
                .setStartTime(toTimestamp(s.start()))
                .setEndTime(toTimestamp(s.end()))
                .setOverridden(s.overridden());
        if (s.primaryNip() != null) {
            b.setPrimary(OfficerName.of(s.primaryNip()).toString());
        }
        if (s.backupNip() != null) {
            b.setBackup(OfficerName.of(s.backupNip()).toString());
        }
        return b.build();
    }
}
