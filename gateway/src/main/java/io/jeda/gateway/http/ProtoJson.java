package io.jeda.gateway.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import com.google.type.Date;
import com.google.type.TimeOfDay;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.ProtoEnums;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST API's one JSON mapping: protobuf's JSON mapping of the API messages, configured here once
 * and used for every request body and every answer (through {@link ProtoBodyHandler}).
 *
 * <ul>
 *   <li>Field names in lowerCamelCase ({@code nextReachableAt}); on input the proto names
 *       ({@code next_reachable_at}) are accepted too.</li>
 *   <li>Every field without presence is written, also at its default: {@code "reachable": false},
 *       {@code "degraded": false}, {@code "notFound": []}. A message field that is not set is left
 *       out (there is no value to show).</li>
 *   <li>Enum values are written with their prefix ({@code URGENCY_ROUTINE}); on input they may be
 *       given with or without it ({@code "ROUTINE"}), in any case.</li>
 *   <li>Local dates ({@code google.type.Date}) are {@code "YYYY-MM-DD"} strings and local times
 *       ({@code google.type.TimeOfDay}) {@code "HH:MM"} (or {@code "HH:MM:SS"}), as in query values;
 *       on input the object form ({@code {"year": 2026, "month": 12, "day": 1}}) is still read.</li>
 *   <li>Instants are RFC 3339 UTC strings; 64-bit integers are strings (protobuf's rule).</li>
 *   <li>Unknown fields are refused (400 {@code INVALID_JSON} naming the field), never ignored: a
 *       misspelt field would otherwise silently fall back to its default.</li>
 *   <li>One compact line, no insignificant whitespace.</li>
 * </ul>
 * Messages without dates or times (all reachability answers) are printed by protobuf's printer alone;
 * the rewrite of dates and enum prefixes costs only the messages that need it.
 */
public final class ProtoJson {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().includingDefaultValueFields()
            .omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private static final String DATE = Date.getDescriptor().getFullName();
    private static final String TIME = TimeOfDay.getDescriptor().getFullName();

    /** Whether a message type holds a date or a time somewhere, so that printing it needs the rewrite. */
    private static final Map<Descriptor, Boolean> HAS_LOCAL = new ConcurrentHashMap<>();

    private ProtoJson() {
    }

    /** The message as the REST API writes it. */
    public static String print(MessageOrBuilder m) {
        String json;
        try {
            json = PRINTER.print(m);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + m.getDescriptorForType().getFullName(), e);
        }
        Descriptor type = m.getDescriptorForType();
        if (!hasLocal(type)) {
            return json;
        }
        JsonObject tree = JsonParser.parseString(json).getAsJsonObject();
        outObject(tree, type);
        return tree.toString();
    }

    /** A request body as the message of the builder; an empty body is the empty message. */
    @SuppressWarnings("unchecked")
    public static <M extends Message> M read(String body, Message.Builder builder) {
        if (body == null || body.isBlank()) {
            return (M) builder.build();
        }
        return (M) merge(body, builder).build();
    }

    /**
     * Reads a body into a builder of the expected message.
     *
     * @throws JedaException INVALID_ARGUMENT: INVALID_JSON for a body that is not the message in JSON,
     *                       INVALID_FIELD for a date, time or enum value that cannot be read
     */
    public static <B extends Message.Builder> B merge(String json, B builder) {
        Descriptor type = builder.getDescriptorForType();
        JsonElement tree;
        try {
            tree = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw invalidJson(type, "it is not JSON");
        }
        if (!tree.isJsonObject()) {
            throw invalidJson(type, "it must be a JSON object");
        }
        inObject(tree.getAsJsonObject(), type, "");
        try {
            PARSER.merge(tree.toString(), builder);
        } catch (InvalidProtocolBufferException e) {
            throw invalidJson(type, e.getMessage());
        }
        return builder;
    }

    private static JedaException invalidJson(Descriptor type, String why) {
        return JedaException.invalidArgument("INVALID_JSON", "the body is not a " + type.getName() + " in JSON: " + why,
                "field", "body");
    }

    private static boolean hasLocal(Descriptor type) {
        Boolean known = HAS_LOCAL.get(type);
        if (known != null) {
            return known;
        }
        boolean has = hasLocal(type, new HashSet<>());
        HAS_LOCAL.put(type, has);
        return has;
    }

    private static boolean hasLocal(Descriptor type, Set<String> seen) {
        if (!seen.add(type.getFullName())) {
            return false;
        }
        for (FieldDescriptor f : type.getFields()) {
            if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            String name = f.getMessageType().getFullName();
            if (name.equals(DATE) || name.equals(TIME) || (!wellKnown(f.getMessageType())
                    && hasLocal(f.getMessageType(), seen))) {
                return true;
            }
        }
        return false;
    }

    private static boolean wellKnown(Descriptor type) {
        return type.getFullName().startsWith("google.protobuf.");
    }

    // ---- output: dates and times as strings ----

    private static void outObject(JsonObject o, Descriptor type) {
        for (FieldDescriptor f : type.getFields()) {
            if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE || f.isMapField() || wellKnown(f.getMessageType())) {
                continue;
            }
            JsonElement v = o.get(f.getJsonName());
            if (v == null || v.isJsonNull()) {
                continue;
            }
            if (v.isJsonArray()) {
                JsonArray a = v.getAsJsonArray();
                for (int i = 0; i < a.size(); i++) {
                    a.set(i, outValue(a.get(i), f.getMessageType()));
                }
            } else {
                o.add(f.getJsonName(), outValue(v, f.getMessageType()));
            }
        }
    }

    private static JsonElement outValue(JsonElement v, Descriptor type) {
        if (!v.isJsonObject()) {
            return v;
        }
        JsonObject o = v.getAsJsonObject();
        String name = type.getFullName();
        try {
            if (name.equals(DATE)) {
                return new JsonPrimitive(LocalDate.of(intOf(o, "year"), intOf(o, "month"), intOf(o, "day")).toString());
            }
            if (name.equals(TIME)) {
                return new JsonPrimitive(LocalTime.of(intOf(o, "hours"), intOf(o, "minutes"), intOf(o, "seconds"),
                        intOf(o, "nanos")).toString());
            }
        } catch (DateTimeException e) {
            // A partial date (no day) or 24:00: not a local date or time, so it keeps its object form.
            return v;
        }
        if (hasLocal(type)) {
            outObject(o, type);
        }
        return v;
    }

    private static int intOf(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? 0 : e.getAsInt();
    }

    // ---- input: dates, times and enum values in the REST style ----

    private static void inObject(JsonObject o, Descriptor type, String path) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            FieldDescriptor f = field(type, e.getKey());
            if (f == null || f.isMapField() || e.getValue().isJsonNull()) {
                continue; // unknown fields are refused by protobuf's parser, with their name
            }
            String at = path.isEmpty() ? f.getJsonName() : path + "." + f.getJsonName();
            JsonElement v = e.getValue();
            if (v.isJsonArray() && f.isRepeated()) {
                JsonArray a = v.getAsJsonArray();
                for (int i = 0; i < a.size(); i++) {
                    a.set(i, inValue(a.get(i), f, at + "[" + i + "]"));
                }
            } else {
                e.setValue(inValue(v, f, at));
            }
        }
    }

    private static JsonElement inValue(JsonElement v, FieldDescriptor f, String path) {
        if (f.getJavaType() == FieldDescriptor.JavaType.ENUM && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
            return new JsonPrimitive(enumName(f.getEnumType(), v.getAsString(), path));
        }
        if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE || wellKnown(f.getMessageType())) {
            return v;
        }
        String name = f.getMessageType().getFullName();
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
            if (name.equals(DATE)) {
                return dateObject(v.getAsString(), path);
            }
            if (name.equals(TIME)) {
                return timeObject(v.getAsString(), path);
            }
        }
        if (v.isJsonObject()) {
            inObject(v.getAsJsonObject(), f.getMessageType(), path);
        }
        return v;
    }

    private static JsonObject dateObject(String s, String path) {
        LocalDate d;
        try {
            d = LocalDate.parse(s.trim());
        } catch (DateTimeException e) {
            throw JedaException.invalidField(path, path + " must be a date YYYY-MM-DD, for example 2026-12-01; got '"
                    + s + "'");
        }
        io.jeda.common.time.DateRange.current().check(d, path);
        JsonObject o = new JsonObject();
        o.addProperty("year", d.getYear());
        o.addProperty("month", d.getMonthValue());
        o.addProperty("day", d.getDayOfMonth());
        return o;
    }

    private static JsonObject timeObject(String s, String path) {
        LocalTime t;
        try {
            t = LocalTime.parse(s.trim());
        } catch (DateTimeException e) {
            throw JedaException.invalidField(path, path + " must be a local time HH:MM, for example 07:30; got '"
                    + s + "'");
        }
        JsonObject o = new JsonObject();
        o.addProperty("hours", t.getHour());
        o.addProperty("minutes", t.getMinute());
        o.addProperty("seconds", t.getSecond());
        o.addProperty("nanos", t.getNano());
        return o;
    }

    /**
     * An enum value named with or without its type prefix, in any case ({@code OFFICE}, {@code office}
     * and {@code ATTENDANCE_MODE_OFFICE} are the same value); a full name, the zero value included,
     * stays as it is, so that an answer sent back reads the same.
     */
    private static String enumName(EnumDescriptor type, String given, String path) {
        EnumValueDescriptor exact = type.findValueByName(given.trim().toUpperCase(Locale.ROOT));
        return exact != null ? exact.getName() : ProtoEnums.parse(type, given, path).getName();
    }

    private static FieldDescriptor field(Descriptor type, String key) {
        FieldDescriptor f = type.findFieldByName(key);
        if (f != null) {
            return f;
        }
        for (FieldDescriptor x : type.getFields()) {
            if (x.getJsonName().equals(key)) {
                return x;
            }
        }
        return null;
    }
}
