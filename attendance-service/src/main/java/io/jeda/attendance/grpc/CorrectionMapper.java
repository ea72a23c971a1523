package io.jeda.attendance.grpc;

import com.google.type.TimeOfDay;
import io.jeda.attendance.domain.AttendanceMode;
import io.jeda.attendance.domain.Correction;
import io.jeda.attendance.domain.CorrectionRules;
import io.jeda.attendance.domain.CorrectionState;
import io.jeda.attendance.v1.AttendanceCorrection;
import io.jeda.attendance.v1.CreateAttendanceCorrectionRequest;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.ProtoEnums;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.ResourceNames;
import io.jeda.common.time.DateRange;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Pattern;

/** The one place that knows both the corrections API and the domain's corrections. */
final class CorrectionMapper {

    static final String PATTERN = "attendanceCorrections/{id}";
    private static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    private CorrectionMapper() {
    }

    /** The id of an `attendanceCorrections/{id}` name. */
    static String id(String name) {
        return ResourceNames.parse(name, PATTERN, "name")[0];
    }

    static String requestId(String requestId) {
        if (requestId == null || requestId.isEmpty()) {
            throw JedaException.invalidField("request_id", "request_id is required");
        }
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw JedaException.invalidField("request_id",
                    "request_id must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
        }
        return requestId;
    }

    static CorrectionRules.Ask ask(CreateAttendanceCorrectionRequest r) {
        AttendanceCorrection c = r.getCorrection();
        if (!c.hasDate()) {
            throw JedaException.invalidField("correction.date", "correction.date is required");
        }
        LocalDate date = DateRange.current().date(c.getDate().getYear(), c.getDate().getMonth(), c.getDate().getDay(),
                "correction.date");
        AttendanceMode mode = c.getMode() == io.jeda.attendance.v1.AttendanceMode.ATTENDANCE_MODE_UNSPECIFIED ? null
                : ProtoEnums.toDomain(c.getMode(), AttendanceMode.class, "correction.mode");
        return new CorrectionRules.Ask(date, c.hasCheckInTime() ? time(c.getCheckInTime(), "correction.check_in_time") : null,
                c.hasCheckOutTime() ? time(c.getCheckOutTime(), "correction.check_out_time") : null, mode,
                c.getReason());
    }

    @Nullable
    static CorrectionState state(io.jeda.attendance.v1.CorrectionState s) {
        return s == io.jeda.attendance.v1.CorrectionState.CORRECTION_STATE_UNSPECIFIED ? null
                : ProtoEnums.toDomain(s, CorrectionState.class, "state");
    }

    private static LocalTime time(TimeOfDay t, String field) {
        if (t.getHours() < 0 || t.getHours() > 23 || t.getMinutes() < 0 || t.getMinutes() > 59
                || t.getSeconds() < 0 || t.getSeconds() > 59 || t.getNanos() != 0) {
            throw JedaException.invalidField(field, field + " must be a time of day from 00:00 to 23:59:59");
        }
        return LocalTime.of(t.getHours(), t.getMinutes(), t.getSeconds());
    }

    private static TimeOfDay time(LocalTime t) {
        return TimeOfDay.newBuilder().setHours(t.getHour()).setMinutes(t.getMinute()).setSeconds(t.getSecond()).build();
    }

    static AttendanceCorrection correction(Correction c) {
        AttendanceCorrection.Builder b = AttendanceCorrection.newBuilder()
                .setName("attendanceCorrections/" + c.id())
                .setOfficer(OfficerName.of(c.officerNip()).toString())
                .setDate(AttendanceMapper.date(c.localDate()))
                .setReason(c.reason())
                .setState(ProtoEnums.ofShortName(io.jeda.attendance.v1.CorrectionState.class, c.state().name()))
                .setTimeZone(c.timeZone())
                .setCreateTime(AttendanceMapper.timestamp(c.createdAt()))
                .setDecisionReason(c.decisionReason() == null ? "" : c.decisionReason());
        if (c.checkInTime() != null) {
            b.setCheckInTime(time(c.checkInTime()));
        }
        if (c.checkOutTime() != null) {
            b.setCheckOutTime(time(c.checkOutTime()));
        }
        if (c.mode() != null) {
            b.setMode(AttendanceMapper.mode(c.mode()));
        }
        if (c.decidedBy() != null) {
            b.setDecidedBy(OfficerName.of(c.decidedBy()).toString());
        }
        if (c.decidedAt() != null) {
            b.setDecideTime(AttendanceMapper.timestamp(c.decidedAt()));
        }
        return b.build();
    }
}
