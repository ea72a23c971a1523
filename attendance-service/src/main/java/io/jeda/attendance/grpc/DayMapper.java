package io.jeda.attendance.grpc;

import io.jeda.common.grpc.ProtoEnums;
import io.jeda.common.names.AttendanceDayName;
import io.jeda.common.names.OfficerName;
import io.jeda.attendance.domain.DaySummary;
import io.jeda.attendance.domain.Flag;
import io.jeda.attendance.domain.Session;
import io.jeda.attendance.v1.AttendanceDay;
import io.jeda.attendance.v1.AttendanceFlag;
import io.jeda.common.error.JedaException;

import java.time.LocalDate;
import java.time.YearMonth;

/** The one place that knows both the day API and the domain's day summaries. */
final class DayMapper {

    private DayMapper() {
    }

    /** The NIP and date of an `officers/{nip}/attendanceDays/{yyyy-mm-dd}` name. */
    record DayName(String nip, LocalDate date) {
    }

    static DayName dayName(String name) {
        AttendanceDayName parsed = AttendanceDayName.parse(name, "name");
        return new DayName(AttendanceMapper.requireNip(parsed.nip(), name, AttendanceDayName.PATTERN, "name"),
                parsed.date());
    }

    static YearMonth month(int year, int month) {
        if (year < 2000 || year > 2100) {
            throw JedaException.invalidField("year", "year must be between 2000 and 2100");
        }
        if (month < 1 || month > 12) {
            throw JedaException.invalidField("month", "month must be between 1 and 12");
        }
        return YearMonth.of(year, month);
    }

    static AttendanceDay day(DaySummary d, boolean withPositions) {
        AttendanceDay.Builder b = AttendanceDay.newBuilder()
                .setName(AttendanceDayName.of(d.officerNip(), d.date()).toString())
                .setOfficer(OfficerName.of(d.officerNip()).toString())
                .setDate(AttendanceMapper.date(d.date()))
                .setTimeZone(d.timeZone())
                .setStatus(ProtoEnums.ofShortName(io.jeda.attendance.v1.DayStatus.class, d.status().name()))
                .setWorkedMinutes(d.workedMinutes())
                .setDueMinutes(d.dueMinutes())
                .setCoreHoursMet(d.coreHoursMet())
                .setScheduleReason(d.scheduleReason());
        if (d.firstCheckIn() != null) {
            b.setFirstCheckIn(AttendanceMapper.timestamp(d.firstCheckIn()));
        }
        if (d.lastCheckOut() != null) {
            b.setLastCheckOut(AttendanceMapper.timestamp(d.lastCheckOut()));
        }
        for (Flag f : d.flags()) {
            b.addFlags(ProtoEnums.ofShortName(AttendanceFlag.class, f.name()));
        }
        d.corrections().forEach(c -> b.addCorrections(CorrectionMapper.correction(c)));
        for (Session s : d.sessions()) {
            b.addEvents(AttendanceMapper.event(s.checkIn(), withPositions));
            if (s.checkOut() != null) {
                b.addEvents(AttendanceMapper.event(s.checkOut(), withPositions));
            }
        }
        return b.build();
    }

}
