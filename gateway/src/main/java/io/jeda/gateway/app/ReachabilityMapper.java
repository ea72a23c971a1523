package io.jeda.gateway.app;

import com.google.protobuf.Timestamp;
import io.jeda.common.error.JedaException;
import io.jeda.gateway.audit.AuditEntry;
import io.jeda.gateway.reachability.OfficerProfile;
import io.jeda.gateway.reachability.Reachability;
import io.jeda.gateway.reachability.ReachabilityState;
import io.jeda.gateway.reachability.Urgency;
import io.jeda.gateway.reachability.WorkLocation;
import io.jeda.gateway.v1.Inquiry;
import io.jeda.gateway.v1.MemberAttendance;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.gateway.reachability.AttendanceNow;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The only place that knows both the jeda.gateway.v1 messages and the engine's types. Both entry
 * points reach it through {@link ReachabilityApi} and {@link TeamRequests}, which is what makes gRPC
 * and REST answer alike.
 */
public final class ReachabilityMapper {

    private static final Pattern NIP = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private ReachabilityMapper() {
    }

    /** {@code officers/{nip}} → nip; INVALID_ARGUMENT INVALID_OFFICER_NAME otherwise. */
    public static String nip(String name, String field) {
        if (name == null || !name.startsWith("officers/") || !NIP.matcher(name.substring(9)).matches()) {
            throw JedaException.invalidArgument("INVALID_OFFICER_NAME", "expected officers/{nip}, got '" + name + "'",
                    "field", field);
        }
        return name.substring(9);
    }

    /** {@code units/{id}} → id; INVALID_ARGUMENT INVALID_UNIT_NAME otherwise. */
    public static String unit(String name) {
        if (name == null || !name.startsWith("units/") || !UNIT.matcher(name.substring(6)).matches()) {
            throw JedaException.invalidArgument("INVALID_UNIT_NAME", "expected units/{unit_id}, got '" + name + "'",
                    "field", "unit");
        }
        return name.substring(6);
    }

    public static Urgency urgency(io.jeda.gateway.v1.Urgency u) {
        return switch (u) {
            case URGENCY_ROUTINE -> Urgency.ROUTINE;
            case URGENCY_URGENT -> Urgency.URGENT;
            case URGENCY_EMERGENCY -> Urgency.EMERGENCY;
            case URGENCY_UNSPECIFIED -> throw JedaException.invalidArgument("URGENCY_UNSPECIFIED",
                    "urgency must be ROUTINE, URGENT or EMERGENCY", "field", "urgency");
            case UNRECOGNIZED -> throw JedaException.invalidArgument("INVALID_URGENCY",
                    "urgency must be ROUTINE, URGENT or EMERGENCY", "field", "urgency");
        };
    }

    public static io.jeda.gateway.v1.Urgency toProto(Urgency u) {
        return switch (u) {
            case ROUTINE -> io.jeda.gateway.v1.Urgency.URGENCY_ROUTINE;
            case URGENT -> io.jeda.gateway.v1.Urgency.URGENCY_URGENT;
            case EMERGENCY -> io.jeda.gateway.v1.Urgency.URGENCY_EMERGENCY;
        };
    }

    public static io.jeda.gateway.v1.ReachabilityState toProto(ReachabilityState s) {
        return switch (s) {
            case AVAILABLE -> io.jeda.gateway.v1.ReachabilityState.REACHABILITY_STATE_AVAILABLE;
            case EXPECTED -> io.jeda.gateway.v1.ReachabilityState.REACHABILITY_STATE_EXPECTED;
            case OFF_DUTY -> io.jeda.gateway.v1.ReachabilityState.REACHABILITY_STATE_OFF_DUTY;
            case ON_CALL -> io.jeda.gateway.v1.ReachabilityState.REACHABILITY_STATE_ON_CALL;
            case ON_LEAVE -> io.jeda.gateway.v1.ReachabilityState.REACHABILITY_STATE_ON_LEAVE;
            case HOLIDAY -> io.jeda.gateway.v1.ReachabilityState.REACHABILITY_STATE_HOLIDAY;
            case UNKNOWN -> io.jeda.gateway.v1.ReachabilityState.REACHABILITY_STATE_UNKNOWN;
        };
    }

    static io.jeda.gateway.v1.WorkLocation toProto(WorkLocation l) {
        if (l == null) {
            return io.jeda.gateway.v1.WorkLocation.WORK_LOCATION_UNSPECIFIED;
        }
        return switch (l) {
            case OFFICE -> io.jeda.gateway.v1.WorkLocation.WORK_LOCATION_OFFICE;
            case HOME -> io.jeda.gateway.v1.WorkLocation.WORK_LOCATION_HOME;
            case OTHER -> io.jeda.gateway.v1.WorkLocation.WORK_LOCATION_OTHER;
        };
    }

    public static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    public static com.google.type.Date date(java.time.LocalDate d) {
        return com.google.type.Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue())
                .setDay(d.getDayOfMonth()).build();
    }

    public static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    /** The answer as the API shows it; lists leave contact_instead out. */
    public static io.jeda.gateway.v1.Reachability toProto(ReachabilityQueries.Answered a, boolean withContact) {
        io.jeda.gateway.v1.Reachability.Builder b = reachability(a.answer(), a);
        if (withContact && a.answer().contactInstead() != null) {
            b.setContactInstead(reachability(a.answer().contactInstead(), a));
        }
        return b.build();
    }

    private static io.jeda.gateway.v1.Reachability.Builder reachability(Reachability r, ReachabilityQueries.Answered a) {
        io.jeda.gateway.v1.Reachability.Builder b = io.jeda.gateway.v1.Reachability.newBuilder()
                .setOfficer("officers/" + r.nip())
                .setUrgency(toProto(r.urgency()))
                .setState(toProto(r.state()))
                .setReachable(r.reachable())
                .setWorkLocation(toProto(r.workLocation()))
                .setRespondBy(timestamp(r.respondBy()))
                .addAllReasons(r.reasons())
                .setAsOf(timestamp(r.at()))
                .setComputedAt(timestamp(r.asOf()))
                .setDegraded(r.degraded())
                .addAllDegradedSources(r.degradedSources());
        if (r.nextReachableAt() != null) {
            b.setNextReachableAt(timestamp(r.nextReachableAt()));
        }
        OfficerProfile p = a.profiles().get(r.nip());
        if (p != null) {
            if (p.displayName() != null) {
                b.setDisplayName(p.displayName());
            }
            b.setTimeZone(p.zone().getId());
        }
        return b;
    }

    /** An officer's attendance now as the team board shows it: checked in or not, mode and since. */
    public static MemberAttendance toProto(AttendanceNow now) {
        MemberAttendance.Builder b = MemberAttendance.newBuilder();
        if (now == null || !now.checkedIn()) {
            return b.build();
        }
        b.setCheckedIn(true);
        if (now.mode() != null) {
            b.setMode(switch (now.mode()) {
                case OFFICE -> AttendanceMode.ATTENDANCE_MODE_OFFICE;
                case HOME -> AttendanceMode.ATTENDANCE_MODE_HOME;
                case OTHER -> AttendanceMode.ATTENDANCE_MODE_OTHER;
            });
        }
        if (now.since() != null) {
            b.setSince(timestamp(now.since()));
        }
        return b.build();
    }

    public static Inquiry toProto(AuditEntry e) {
        return Inquiry.newBuilder()
                .setClient(e.clientId())
                .setAskTime(timestamp(e.askedAt()))
                .setUrgency(toProto(Urgency.valueOf(e.urgency())))
                .setState(toProto(ReachabilityState.valueOf(e.state())))
                .setReachable(e.reachable())
                .setDegraded(e.degraded())
                .build();
    }
}
