package io.jeda.gateway.app;

import com.google.protobuf.Timestamp;
import io.jeda.common.grpc.ProtoEnums;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.UnitName;
import io.jeda.gateway.audit.AuditEntry;
import io.jeda.common.names.Nip;
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

/**
 * The only place that knows both the jeda.gateway.v1 messages and the engine's types. Both entry
 * points reach it through {@link ReachabilityApi} and {@link TeamRequests}, which is what makes gRPC
 * and REST answer alike.
 */
public final class ReachabilityMapper {

    /**
     * The prefix of an officer's name, for the answers' own NIPs: they come from policy-service through
     * the engine and need no check (OfficerName.of checks each with a regular expression, ~1 us per
     * answer on the hot path); names that come in are parsed with OfficerName.
     */
    static final String OFFICERS = "officers/";

    private ReachabilityMapper() {
    }

    /** {@code officers/{nip}} → nip; INVALID_ARGUMENT INVALID_NAME otherwise (the NIP's own rule is {@link Nip}). */
    public static String nip(String name, String field) {
        return OfficerName.parse(name, field).nip();
    }

    /** {@code units/{unit_id}} → id; INVALID_ARGUMENT INVALID_NAME otherwise. */
    public static String unit(String name) {
        return UnitName.parse(name, "unit").unitId();
    }

    /** The urgency asked about; unspecified or unknown values are INVALID_ARGUMENT INVALID_ENUM_VALUE. */
    public static Urgency urgency(io.jeda.gateway.v1.Urgency u) {
        return ProtoEnums.toDomain(ProtoEnums.require(u, "urgency"), Urgency.class, "urgency");
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

    /** A valid Timestamp whose day is inside the accepted {@link io.jeda.common.time.DateRange}; otherwise INVALID_ARGUMENT. */
    public static Instant instant(Timestamp t, String field) {
        return io.jeda.common.time.DateRange.current().instant(t.getSeconds(), t.getNanos(), field);
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
                .setOfficer(OFFICERS + r.nip())
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
