package io.jeda.attendance.grpc;

import io.jeda.common.grpc.ProtoEnums;
import io.jeda.common.names.AttendanceEventName;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.ResourceNames;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceMode;
import io.jeda.attendance.domain.CheckCommand;
import io.jeda.attendance.domain.EventKind;
import io.jeda.attendance.domain.Flag;
import io.jeda.attendance.domain.CurrentStatus;
import io.jeda.attendance.domain.Position;
import io.jeda.attendance.v1.AttendanceEventKind;
import io.jeda.attendance.v1.AttendanceFlag;
import io.jeda.attendance.v1.DevicePosition;
import io.jeda.attendance.v1.OfficerStatus;
import io.jeda.attendance.v1.VerificationState;
import io.jeda.common.error.JedaException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The one place that knows both the attendance API and the domain types. Malformed input becomes
 * INVALID_ARGUMENT (reason INVALID_FIELD) naming the field.
 */
final class AttendanceMapper {

    /** A NIP: 18 digits. */
    private static final Pattern NIP = Pattern.compile("[0-9]{18}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
    private static final int MAX_DEVICE_ID = 128;

    private AttendanceMapper() {
    }

    /** The NIP of an `officers/{nip}` name; a malformed name or NIP is INVALID_NAME naming the field. */
    static String nip(String name, String field) {
        return requireNip(OfficerName.parse(name, field).nip(), name, OfficerName.PATTERN, field);
    }

    /** The NIP of a well-formed name, which must also be 18 digits. */
    static String requireNip(String nip, String name, String pattern, String field) {
        if (!NIP.matcher(nip).matches()) {
            throw JedaException.invalidArgument(ResourceNames.INVALID_NAME,
                    field + " must be " + pattern + " with an 18-digit NIP, got '" + truncate(name) + "'",
                    "field", field, "expected", pattern);
        }
        return nip;
    }

    static CheckCommand checkIn(io.jeda.attendance.v1.CheckInRequest r) {
        CheckCommand c = command(EventKind.CHECK_IN, r.getOfficer(), r.getMode(), r.hasDeviceTime() ? r.getDeviceTime() : null,
                r.hasPosition() ? r.getPosition() : null, r.getDeviceId(), r.getIdempotencyKey());
        if (!r.hasDeviceClockOffset()) {
            if (r.hasLastContactTime()) {
                throw JedaException.invalidField("device_clock_offset", "device_clock_offset is required with last_contact_time");
            }
            return c;
        }
        if (!r.hasLastContactTime()) {
            throw JedaException.invalidField("last_contact_time", "last_contact_time is required with device_clock_offset");
        }
        com.google.protobuf.Duration o = r.getDeviceClockOffset();
        // More than ten years either way is no clock offset but a broken request.
        if (Math.abs(o.getSeconds()) > 315_576_000L || Math.abs(o.getNanos()) > 999_999_999) {
            throw JedaException.invalidField("device_clock_offset", "device_clock_offset is not a valid duration");
        }
        Timestamp last = r.getLastContactTime();
        if (last.getNanos() < 0 || last.getNanos() > 999_999_999 || last.getSeconds() < 0
                || last.getSeconds() > 253_402_300_799L) {
            throw JedaException.invalidField("last_contact_time", "last_contact_time is not a valid timestamp");
        }
        return new CheckCommand(c.kind(), c.officerNip(), c.mode(), c.deviceTime(), c.position(), c.deviceId(),
                c.idempotencyKey(), new CheckCommand.DeviceClock(
                java.time.Duration.ofSeconds(o.getSeconds(), o.getNanos()),
                Instant.ofEpochSecond(last.getSeconds(), last.getNanos())));
    }

    static CheckCommand checkOut(io.jeda.attendance.v1.CheckOutRequest r) {
        return command(EventKind.CHECK_OUT, r.getOfficer(), r.getMode(), r.hasDeviceTime() ? r.getDeviceTime() : null,
                r.hasPosition() ? r.getPosition() : null, r.getDeviceId(), r.getIdempotencyKey());
    }

    private static CheckCommand command(EventKind kind, String officer, io.jeda.attendance.v1.AttendanceMode mode,
                                        Timestamp deviceTime, DevicePosition position, String deviceId, String key) {
        String nip = nip(officer, "officer");
        AttendanceMode m = switch (mode) {
            case ATTENDANCE_MODE_OFFICE -> AttendanceMode.OFFICE;
            case ATTENDANCE_MODE_HOME -> AttendanceMode.HOME;
            case ATTENDANCE_MODE_OTHER -> AttendanceMode.OTHER;
            default -> throw JedaException.invalidField("mode", "mode must be OFFICE, HOME or OTHER");
        };
        if (deviceTime == null) {
            throw JedaException.invalidField("device_time", "device_time is required");
        }
        if (deviceTime.getNanos() < 0 || deviceTime.getNanos() > 999_999_999
                || deviceTime.getSeconds() < 0 || deviceTime.getSeconds() > 253_402_300_799L) {
            throw JedaException.invalidField("device_time", "device_time is not a valid timestamp");
        }
        if (position == null) {
            throw JedaException.invalidField("position", "position is required");
        }
        double lat = position.getLatitude();
        double lon = position.getLongitude();
        double acc = position.getAccuracyMeters();
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw JedaException.invalidField("position.latitude", "latitude must be between -90 and 90 degrees");
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw JedaException.invalidField("position.longitude", "longitude must be between -180 and 180 degrees");
        }
        if (!Double.isFinite(acc) || acc <= 0) {
            throw JedaException.invalidField("position.accuracy_meters", "accuracy_meters must be greater than 0");
        }
        if (key == null || key.isEmpty()) {
            throw JedaException.invalidField("idempotency_key", "idempotency_key is required");
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw JedaException.invalidField("idempotency_key",
                    "idempotency_key must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
        }
        if (deviceId.length() > MAX_DEVICE_ID) {
            throw JedaException.invalidField("device_id", "device_id must be at most " + MAX_DEVICE_ID + " characters");
        }
        // Recorded to the second: Connector/J drops fractions on MariaDB (it reads the server as
        // 5.5.5), and a replayed result must be identical to the first on every database.
        Instant device = Instant.ofEpochSecond(deviceTime.getSeconds(), deviceTime.getNanos()).truncatedTo(ChronoUnit.SECONDS);
        return new CheckCommand(kind, nip, m, device,
                new Position(lat, lon, acc), deviceId, key);
    }

    /** The event as the API shows it; the position only when the caller may see it. */
    static io.jeda.attendance.v1.AttendanceEvent event(AttendanceEvent e, boolean withPosition) {
        var b = io.jeda.attendance.v1.AttendanceEvent.newBuilder()
                .setName(eventName(e.officerNip(), e.id()))
                .setOfficer(OfficerName.of(e.officerNip()).toString())
                .setKind(e.kind() == EventKind.CHECK_IN ? AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_IN
                        : AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_OUT)
                .setMode(mode(e.mode()))
                .setRecordTime(timestamp(e.recordTime()))
                .setDeviceTime(timestamp(e.deviceTime()))
                .setReceiveTime(timestamp(e.receiveTime()))
                .setLocalDate(date(e.localDate()))
                .setTimeZone(e.timeZone())
                .setDeviceId(e.deviceId())
                .setVerification(switch (e.verification()) {
                    case VERIFIED -> VerificationState.VERIFICATION_STATE_VERIFIED;
                    case UNVERIFIED -> VerificationState.VERIFICATION_STATE_UNVERIFIED;
                    case VIOLATION -> VerificationState.VERIFICATION_STATE_VIOLATION;
                })
                .setViolation(e.violation() == null ? "" : e.violation());
        for (Flag f : e.flagSet()) {
            b.addFlags(ProtoEnums.ofShortName(AttendanceFlag.class, f.name()));
        }
        if (e.checkInId() != null) {
            b.setCheckIn(eventName(e.officerNip(), e.checkInId()));
        }
        if (withPosition && e.latitude() != null) {
            b.setPosition(DevicePosition.newBuilder().setLatitude(e.latitude()).setLongitude(e.longitude())
                    .setAccuracyMeters(e.accuracyMeters()));
        }
        return b.build();
    }

    static OfficerStatus status(String nip, CurrentStatus status) {
        OfficerStatus.Builder b = OfficerStatus.newBuilder().setOfficer(OfficerName.of(nip).toString());
        status.open().ifPresent(s -> b.setCheckedIn(true)
                .setMode(mode(s.mode()))
                .setSince(timestamp(s.since()))
                .setLocalDate(date(s.localDate()))
                .setCheckIn(eventName(nip, s.checkInId()))
                .setUnverified(s.unverified()));
        if (status.lastCheckOut() != null) {
            b.setLastCheckOutTime(timestamp(status.lastCheckOut()));
        }
        return b.build();
    }

    static io.jeda.attendance.v1.AttendanceMode mode(AttendanceMode m) {
        return switch (m) {
            case OFFICE -> io.jeda.attendance.v1.AttendanceMode.ATTENDANCE_MODE_OFFICE;
            case HOME -> io.jeda.attendance.v1.AttendanceMode.ATTENDANCE_MODE_HOME;
            case OTHER -> io.jeda.attendance.v1.AttendanceMode.ATTENDANCE_MODE_OTHER;
        };
    }

    static String eventName(String nip, String id) {
        return AttendanceEventName.of(nip, id).toString();
    }

    static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) : s;
    }
}
