package io.jeda.attendance.grpc;

import io.jeda.attendance.domain.DaySummary;
import io.jeda.attendance.domain.Flag;
import io.jeda.attendance.domain.Session;
import io.jeda.attendance.v1.AttendanceDay;
import io.jeda.attendance.v1.AttendanceFlag;
import io.jeda.common.error.JedaException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place that knows both the day API and the domain's day summaries. */
final class DayMapper {

    private static final Pattern DAY_NAME = Pattern.compile("^officers/([0-9]{18})/attendanceDays/(\\d{4}-\\d{2}-\\d{2})$");

    private DayMapper() {
    }

    /** The NIP and date of an `officers/{nip}/attendanceDays/{yyyy-mm-dd}` name. */
    record DayName(String nip, LocalDate date) {
    }

    static DayName dayName(String name) {
        Matcher m = DAY_NAME.matcher(name == null ? "" : name);
        if (!m.matches()) {
            throw JedaException.invalidField("name", "name must be officers/{nip}/attendanceDays/{yyyy-mm-dd}");
        }
        try {
            return new DayName(m.group(1), LocalDate.parse(m.group(2)));
        } catch (DateTimeException e) {
            throw JedaException.invalidField("name", "the date in the name is not a valid date");
        }
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
                .setName("officers/" + d.officerNip() + "/attendanceDays/" + d.date())
                .setOfficer("officers/" + d.officerNip())
                .setDate(AttendanceMapper.date(d.date()))
                .setTimeZone(d.timeZone())
                .setStatus(io.jeda.attendance.v1.DayStatus.valueOf("DAY_STATUS_" + d.status().name()))
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
            b.addFlags(AttendanceFlag.valueOf("ATTENDANCE_FLAG_" + f.name()));
        }
        for (Session s : d.sessions()) {
            b.addEvents(AttendanceMapper.event(s.checkIn(), withPositions));
            if (s.checkOut() != null) {
                b.addEvents(AttendanceMapper.event(s.checkOut(), withPositions));
            }
        }
        return b.build();
    }

}
