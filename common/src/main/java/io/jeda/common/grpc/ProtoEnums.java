package io.jeda.common.grpc;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.ProtocolMessageEnum;
import io.jeda.common.error.JedaException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Enum values as clients write them: with or without the enum's prefix and in any case, so
 * {@code "URGENT"}, {@code "urgent"} and {@code "URGENCY_URGENT"} are the same value. The zero value
 * ({@code *_UNSPECIFIED}) and unknown values are refused as input: INVALID_ARGUMENT, reason
 * {@value #INVALID_ENUM_VALUE}, metadata {@code field}, {@code value} and {@code allowed} (the
 * values without prefix, comma-separated).
 */
public final class ProtoEnums {

    /** The one reason for an enum value that is unknown or unspecified. */
    public static final String INVALID_ENUM_VALUE = "INVALID_ENUM_VALUE";

    private ProtoEnums() {
    }

    /**
     * Parses text into a value of {@code type}.
     *
     * @param type  for example {@code Urgency.class}
     * @param field the request field, named in the error
     */
    public static <E extends Enum<E> & ProtocolMessageEnum> E parse(Class<E> type, String text, String field) {
        EnumDescriptor d = descriptor(type);
        EnumValueDescriptor v = find(d, text).orElseThrow(() -> invalid(d, text, field));
        return require(type.cast(valueOf(type, v)), field);
    }

    /**
     * Parses text into a value of an enum known only by its descriptor (query parameters, JSON).
     *
     * @throws JedaException INVALID_ARGUMENT, reason {@value #INVALID_ENUM_VALUE}, for unknown or unspecified
     */
    public static EnumValueDescriptor parse(EnumDescriptor type, String text, String field) {
        EnumValueDescriptor v = find(type, text).orElseThrow(() -> invalid(type, text, field));
        if (isUnspecified(v)) {
            throw invalid(type, text, field);
        }
        return v;
    }

    /**
     * A request's value as the domain enum of the same short name ({@code URGENCY_URGENT} becomes
     * {@code Urgency.URGENT}); the zero value and unknown values are refused as by {@link #require}.
     */
    public static <E extends Enum<E> & ProtocolMessageEnum, D extends Enum<D>> D toDomain(E value, Class<D> domain,
                                                                                           String field) {
        String name = shortName(require(value, field));
        try {
            return Enum.valueOf(domain, name);
        } catch (IllegalArgumentException e) {
            throw invalid(value.getDescriptorForType(), value.name(), field);
        }
    }

    /**
     * The proto value of a short name, for answers: {@code ofShortName(DayStatus.class, "PRESENT")} is
     * {@code DAY_STATUS_PRESENT}. A name without a value is a programming error.
     *
     * @throws IllegalArgumentException when the enum has no such value
     */
    public static <E extends Enum<E> & ProtocolMessageEnum> E ofShortName(Class<E> type, String shortName) {
        EnumDescriptor d = descriptor(type);
        EnumValueDescriptor v = d.findValueByName(prefix(d) + shortName);
        if (v == null) {
            throw new IllegalArgumentException(d.getFullName() + " has no value " + prefix(d) + shortName);
        }
        return type.cast(valueOf(type, v));
    }

    /** The full value name of {@code text} in {@code type} (for rewriting JSON), or empty when none fits. */
    public static Optional<String> fullName(EnumDescriptor type, String text) {
        return find(type, text).filter(v -> v.getIndex() != 0 || !isUnspecified(v)).map(EnumValueDescriptor::getName);
    }

    /**
     * A value that came in a request, refused when it is the zero value or unknown to this version.
     *
     * @return the value
     */
    public static <E extends Enum<E> & ProtocolMessageEnum> E require(E value, String field) {
        if (value == null || value.name().equals("UNRECOGNIZED") || isUnspecified(value.getValueDescriptor())) {
            EnumDescriptor d = descriptor(value == null ? null : value.getDeclaringClass());
            throw invalid(d, value == null ? "" : value.name(), field);
        }
        return value;
    }

    /** The value's name without the enum's prefix, for example {@code URGENT} for URGENCY_URGENT. */
    public static String shortName(ProtocolMessageEnum value) {
        EnumValueDescriptor v = value.getValueDescriptor();
        return v.getName().substring(prefix(v.getType()).length());
    }

    /** The prefix of the enum's values, from its zero value: {@code URGENCY_} for URGENCY_UNSPECIFIED. */
    public static String prefix(EnumDescriptor type) {
        String zero = type.getValues().get(0).getName();
        return zero.endsWith("_UNSPECIFIED") ? zero.substring(0, zero.length() - "UNSPECIFIED".length()) : "";
    }

    private static Optional<EnumValueDescriptor> find(EnumDescriptor type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String v = text.trim().toUpperCase(Locale.ROOT);
        EnumValueDescriptor found = type.findValueByName(v);
        if (found == null) {
            found = type.findValueByName(prefix(type) + v);
        }
        return Optional.ofNullable(found);
    }

    private static boolean isUnspecified(EnumValueDescriptor v) {
        return v.getNumber() == 0 && v.getName().endsWith("_UNSPECIFIED");
    }

    private static JedaException invalid(EnumDescriptor type, String text, String field) {
        String allowed = type == null ? "" : String.join(",", allowed(type));
        return JedaException.invalidArgument(INVALID_ENUM_VALUE,
                field + " must be one of " + allowed + (text == null || text.isEmpty() ? "" : ", got '" + text + "'"),
                "field", field, "value", text == null ? "" : text, "allowed", allowed);
    }

    /** The values a client may send, without prefix. */
    public static List<String> allowed(EnumDescriptor type) {
        String prefix = prefix(type);
        return type.getValues().stream().filter(v -> !isUnspecified(v))
                .map(v -> v.getName().substring(prefix.length())).toList();
    }

    private static <E extends Enum<E> & ProtocolMessageEnum> EnumDescriptor descriptor(Class<E> type) {
        if (type == null) {
            return null;
        }
        try {
            return (EnumDescriptor) type.getMethod("getDescriptor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " is not a generated protobuf enum", e);
        }
    }

    private static <E extends Enum<E> & ProtocolMessageEnum> Object valueOf(Class<E> type, EnumValueDescriptor v) {
        try {
            return type.getMethod("valueOf", EnumValueDescriptor.class).invoke(null, v);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " is not a generated protobuf enum", e);
        }
    }
}
