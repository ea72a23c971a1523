package io.jeda.attendance.grpc;

import io.jeda.common.names.ExportRecordName;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.UnitName;
import com.google.protobuf.ByteString;
import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.Correction;
import io.jeda.attendance.domain.DayStatus;
import io.jeda.attendance.domain.DaySummary;
import io.jeda.attendance.domain.Flag;
import io.jeda.attendance.domain.OfficerMonth;
import io.jeda.attendance.domain.Session;
import io.jeda.attendance.v1.CsvChunk;
import io.jeda.attendance.v1.MonthlyRecapRow;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** The one place that knows both the recap API (rows and CSV) and the domain's officer-months. */
final class RecapMapper {

    static final String CSV_HEADER = "nip,date,time_zone,status,worked_minutes,due_minutes,core_hours_met,"
            + "first_check_in,last_check_out,flags,check_in_latitude,check_in_longitude,check_in_accuracy_meters,"
            + "check_out_latitude,check_out_longitude,check_out_accuracy_meters,name,corrected,correction_reason,"
            + "corrected_by\n";

    private RecapMapper() {
    }

    static String unitId(String name) {
        return UnitName.parse(name, "unit").unitId();
    }

    static MonthlyRecapRow row(OfficerMonth m) {
        int worked = 0;
        int due = 0;
        int core = 0;
        int flagged = 0;
        int corrected = 0;
        for (DaySummary d : m.days()) {
            corrected += d.corrections().isEmpty() ? 0 : 1;
            worked += d.workedMinutes();
            due += d.dueMinutes();
            core += d.coreHoursMet() ? 1 : 0;
            flagged += d.flags().isEmpty() ? 0 : 1;
        }
        return MonthlyRecapRow.newBuilder()
                .setOfficer(OfficerName.of(m.officerNip()).toString())
                .setTimeZone(m.timeZone())
                .setPresentDays(m.count(DayStatus.PRESENT))
                .setLateDays(m.count(DayStatus.LATE))
                .setEarlyLeaveDays(m.count(DayStatus.EARLY_LEAVE))
                .setIncompleteHoursDays(m.count(DayStatus.INCOMPLETE_HOURS))
                .setAbsentDays(m.count(DayStatus.ABSENT))
                .setOnLeaveDays(m.count(DayStatus.ON_LEAVE))
                .setHolidayDays(m.count(DayStatus.HOLIDAY))
                .setOffDays(m.count(DayStatus.OFF_DAY))
                .setPendingDays(m.count(DayStatus.PENDING))
                .setWorkedMinutes(worked)
                .setDueMinutes(due)
                .setCoreHoursMetDays(core)
                .setFlaggedDays(flagged)
                .setCorrectedDays(corrected)
                .setDisplayName(m.displayName())
                .build();
    }

    static io.jeda.attendance.v1.ExportRecord record(io.jeda.attendance.domain.ExportAudit a) {
        java.time.YearMonth m = java.time.YearMonth.parse(a.recapMonth());
        return io.jeda.attendance.v1.ExportRecord.newBuilder()
                .setName(ExportRecordName.of(a.id()).toString())
                .setExportedBy(a.subject())
                .setUnit(UnitName.of(a.unitId()).toString())
                .setYear(m.getYear())
                .setMonth(m.getMonthValue())
                .setExportTime(AttendanceMapper.timestamp(a.exportedAt()))
                .setOfficerCount(a.officerCount())
                .build();
    }

    static CsvChunk header() {
        return CsvChunk.newBuilder().setData(ByteString.copyFrom(CSV_HEADER, StandardCharsets.UTF_8)).build();
    }

    /**
     * The officer's lines: one per local date. Fields are quoted as RFC 4180 says (a field with a
     * comma, a quote, a line break or a leading or trailing space is put in quotes, its quotes
     * doubled): names and reasons are people's own words. A corrected day says so, with the reason
     * the officer gave and the manager who approved it.
     */
    static CsvChunk csv(OfficerMonth m) {
        StringBuilder b = new StringBuilder();
        for (DaySummary d : m.days()) {
            AttendanceEvent firstIn = d.sessions().isEmpty() ? null : d.sessions().get(0).checkIn();
            AttendanceEvent lastOut = null;
            for (Session s : d.sessions()) {
                if (s.checkOut() != null) {
                    lastOut = s.checkOut();
                }
            }
            b.append(m.officerNip()).append(',').append(d.date()).append(',').append(field(d.timeZone())).append(',')
                    .append(d.status()).append(',').append(d.workedMinutes()).append(',').append(d.dueMinutes())
                    .append(',').append(d.coreHoursMet()).append(',')
                    .append(d.firstCheckIn() == null ? "" : d.firstCheckIn()).append(',')
                    .append(d.lastCheckOut() == null ? "" : d.lastCheckOut()).append(',')
                    .append(d.flags().stream().sorted().map(Flag::name).collect(Collectors.joining(";"))).append(',');
            position(b, firstIn);
            b.append(',');
            position(b, lastOut);
            Correction c = d.lastCorrection();
            b.append(',').append(text(m.displayName())).append(',').append(c != null).append(',')
                    .append(c == null ? "" : text(d.corrections().stream().map(Correction::reason)
                            .collect(Collectors.joining(" / "))))
                    .append(',').append(c == null || c.decidedBy() == null ? "" : c.decidedBy());
            b.append('\n');
        }
        return CsvChunk.newBuilder().setData(ByteString.copyFrom(b.toString(), StandardCharsets.UTF_8)).build();
    }

    /**
     * A field of people's own words (a name, a reason): one that a spreadsheet would run as a formula
     * (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, as OWASP
     * advises for CSV files opened in spreadsheets; then quoted as any field.
     */
    static String text(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return field("'" + value);
        }
        return field(value);
    }

    /** One CSV field: quoted when it must be, with its quotes doubled. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void position(StringBuilder b, AttendanceEvent e) {
        if (e == null || e.latitude() == null) {
            b.append(",,");
            return;
        }
        b.append(e.latitude()).append(',').append(e.longitude()).append(',').append(e.accuracyMeters());
    }
}
