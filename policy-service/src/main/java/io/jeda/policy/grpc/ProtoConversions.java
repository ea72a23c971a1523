package io.jeda.policy.grpc;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import com.google.type.DayOfWeek;
import com.google.type.TimeOfDay;
import io.jeda.common.error.JedaException;
import io.jeda.common.time.DateRange;
import io.jeda.common.grpc.UpdateMasks;
import io.jeda.policy.app.UpdateFields;
import io.jeda.policy.domain.WorkPlace;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Conversions of the shared value types (dates, times, instants, places) between proto and
 * domain, used by every mapper of the policy API. Invalid input becomes INVALID_ARGUMENT naming
 * the field.
 */
public final class ProtoConversions {

    private ProtoConversions() {
    }

    public static boolean isSet(Date d) {
        return d != null && (d.getYear() != 0 || d.getMonth() != 0 || d.getDay() != 0);
    }

    public static LocalDate toLocalDate(Date d, String field) {
        if (!isSet(d)) {
            throw JedaException.invalidField(field, field + " is required");
        }
        return DateRange.current().date(d.getYear(), d.getMonth(), d.getDay(), field);
    }

    /** Null when unset. */
    public static LocalDate toLocalDateOrNull(Date d, String field) {
        return isSet(d) ? toLocalDate(d, field) : null;
    }

    public static Date toDate(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    public static boolean isSet(TimeOfDay t) {
        return t != null && !t.equals(TimeOfDay.getDefaultInstance());
    }

    public static LocalTime toLocalTime(TimeOfDay t, String field) {
        try {
            return LocalTime.of(t.getHours(), t.getMinutes(), t.getSeconds());
        } catch (DateTimeException e) {
            throw JedaException.invalidField(field, field + " is not a valid time of day: " + e.getMessage());
        }
    }

    /** The given default when unset. */
    public static LocalTime toLocalTime(TimeOfDay t, String field, LocalTime dflt) {
        return isSet(t) ? toLocalTime(t, field) : dflt;
    }

    public static TimeOfDay toTimeOfDay(LocalTime t) {
        return TimeOfDay.newBuilder().setHours(t.getHour()).setMinutes(t.getMinute()).setSeconds(t.getSecond()).build();
    }

    /** A valid Timestamp whose day is inside the accepted {@link DateRange}; otherwise INVALID_ARGUMENT naming the field. */
    public static Instant toInstant(Timestamp t, String field) {
        return DateRange.current().instant(t.getSeconds(), t.getNanos(), field);
    }

    public static Timestamp toTimestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    public static WorkPlace toWorkPlace(io.jeda.policy.v1.WorkPlace p, String field) {
        return switch (p) {
            case WORK_PLACE_OFFICE -> WorkPlace.OFFICE;
            case WORK_PLACE_HOME -> WorkPlace.HOME;
            case WORK_PLACE_OTHER_OFFICE -> WorkPlace.OTHER_OFFICE;
            case WORK_PLACE_OTHER -> WorkPlace.OTHER;
            default -> throw JedaException.invalidField(field, field + " must be set to a work place");
        };
    }

    public static io.jeda.policy.v1.WorkPlace toProto(WorkPlace p) {
        return switch (p) {
            case OFFICE -> io.jeda.policy.v1.WorkPlace.WORK_PLACE_OFFICE;
            case HOME -> io.jeda.policy.v1.WorkPlace.WORK_PLACE_HOME;
            case OTHER_OFFICE -> io.jeda.policy.v1.WorkPlace.WORK_PLACE_OTHER_OFFICE;
            case OTHER -> io.jeda.policy.v1.WorkPlace.WORK_PLACE_OTHER;
        };
    }

    public static java.time.DayOfWeek toDayOfWeek(DayOfWeek d, String field) {
        if (d == DayOfWeek.DAY_OF_WEEK_UNSPECIFIED || d == DayOfWeek.UNRECOGNIZED) {
            throw JedaException.invalidField(field, field + " must be a weekday");
        }
        return java.time.DayOfWeek.of(d.getNumber());
    }

    public static DayOfWeek toProto(java.time.DayOfWeek d) {
        return DayOfWeek.forNumber(d.getValue());
    }

    /** What an Update asks to change: the mask's paths and the fields the sent resource populates. */
    public static UpdateFields updateFields(FieldMask mask, Message resource) {
        return new UpdateFields(mask.getPathsList(), UpdateMasks.populated(resource));
    }
}
