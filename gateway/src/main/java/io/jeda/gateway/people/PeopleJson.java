package io.jeda.gateway.people;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.jeda.common.error.JedaException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

import java.util.Map;

/**
 * JSON in and out for the officer and manager endpoints, the same way as the reachability endpoints:
 * bodies and answers are the service messages in protobuf's JSON mapping (lowerCamelCase fields,
 * RFC 3339 timestamps, enum names). For convenience an enum may also be given without its type
 * prefix ({@code "mode": "OFFICE"} for {@code ATTENDANCE_MODE_OFFICE}, {@code "place": "HOME"} for
 * {@code WORK_PLACE_HOME}).
 */
final class PeopleJson {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer();
    private static final JsonFormat.Printer COMPACT = PRINTER.omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private PeopleJson() {
    }

    /** Reads a body into the builder of the named message; an empty body leaves the builder as it is. */
    static <B extends Message.Builder> B parse(@Nullable String body, B builder, String what) {
        if (body == null || body.isBlank()) {
            return builder;
        }
        try {
            Struct.Builder s = Struct.newBuilder();
            PARSER.merge(body, s);
            Struct fixed = withEnumPrefixes(s.build(), builder.getDescriptorForType());
            PARSER.merge(PRINTER.print(fixed), builder);
            return builder;
        } catch (InvalidProtocolBufferException e) {
            throw JedaException.invalidArgument("INVALID_JSON",
                    "the body is not a " + what + " in JSON: " + e.getMessage(), "field", "body");
        }
    }

    static String print(Message m) {
        try {
            return PRINTER.print(m);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + m.getDescriptorForType().getName(), e);
        }
    }

    /** On one line, for the messages inside an answer the gateway composes (inbox, board). */
    static String printCompact(Message m) {
        try {
            return COMPACT.print(m);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + m.getDescriptorForType().getName(), e);
        }
    }

    static HttpResponse<String> ok(Message m) {
        return okJson(print(m));
    }

    static HttpResponse<String> okJson(String json) {
        return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** A JSON string literal. */
    static String quote(String s) {
        return printCompact(Value.newBuilder().setStringValue(s).build());
    }

    private static Struct withEnumPrefixes(Struct s, Descriptor type) {
        Struct.Builder out = s.toBuilder();
        for (Map.Entry<String, Value> e : s.getFieldsMap().entrySet()) {
            FieldDescriptor f = field(type, e.getKey());
            if (f != null) {
                out.putFields(e.getKey(), fix(e.getValue(), f));
            }
        }
        return out.build();
    }

    private static Value fix(Value v, FieldDescriptor f) {
        if (v.hasListValue() && f.isRepeated()) {
            ListValue.Builder l = ListValue.newBuilder();
            v.getListValue().getValuesList().forEach(x -> l.addValues(one(x, f)));
            return Value.newBuilder().setListValue(l).build();
        }
        return one(v, f);
    }

    private static Value one(Value v, FieldDescriptor f) {
        if (f.getJavaType() == FieldDescriptor.JavaType.ENUM && v.hasStringValue()) {
            return Value.newBuilder().setStringValue(enumName(f.getEnumType(), v.getStringValue())).build();
        }
        if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && v.hasStructValue()
                && !f.getMessageType().getFullName().startsWith("google.protobuf.")) {
            return Value.newBuilder().setStructValue(withEnumPrefixes(v.getStructValue(), f.getMessageType())).build();
        }
        return v;
    }

    /** OFFICE becomes ATTENDANCE_MODE_OFFICE when the enum's zero value is ATTENDANCE_MODE_UNSPECIFIED. */
    private static String enumName(EnumDescriptor type, String given) {
        String v = given.trim().toUpperCase();
        if (type.findValueByName(v) != null) {
            return v;
        }
        String zero = type.getValues().get(0).getName();
        if (zero.endsWith("_UNSPECIFIED")) {
            String prefixed = zero.substring(0, zero.length() - "UNSPECIFIED".length()) + v;
            EnumValueDescriptor found = type.findValueByName(prefixed);
            if (found != null) {
                return found.getName();
            }
        }
        return given;
    }

    private static FieldDescriptor field(Descriptor type, String jsonKey) {
        for (FieldDescriptor f : type.getFields()) {
            if (f.getJsonName().equals(jsonKey) || f.getName().equals(jsonKey)) {
                return f;
            }
        }
        return null;
    }
}
