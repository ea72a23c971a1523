package io.jeda.gateway.http;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.jeda.attendance.v1.AttendanceProto;
import io.jeda.attendance.v1.DaysProto;
import io.jeda.gateway.v1.InquiriesProto;
import io.jeda.gateway.v1.ReachabilityProto;
import io.jeda.gateway.v1.TeamProto;
import io.jeda.policy.v1.PlansProto;
import io.jeda.policy.v1.ScheduleProto;
import io.jeda.relay.v1.MessageProto;
import io.jeda.relay.v1.WebhookProto;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The gateway's OpenAPI document: {@code openapi/jeda-gateway.yml} (paths, parameters, examples,
 * error answers, written by hand) with a schema for every protobuf message it names
 * ({@code $ref: '#/components/schemas/jeda.gateway.v1.Reachability'}), made here from the message's
 * descriptor with {@link ProtoJson}'s rules: lowerCamelCase names, enum values as strings (with or
 * without prefix), dates {@code YYYY-MM-DD}, times {@code HH:MM}, instants RFC 3339, 64-bit integers
 * as strings. Messages get their simple name unless two share it.
 *
 * <p>Why not Micronaut OpenAPI's generated document: it derives schemas from Java types by bean
 * introspection, which for generated protobuf classes gives their builder plumbing (or
 * {@code type: string} when hidden), not the JSON the API speaks.
 *
 * <p>Required fields: a message sent as a request body lists what the server refuses to go without
 * ({@link #REQUIRED_IN}); every other message lists all its fields without presence, since answers
 * always write them.
 */
public final class OpenApiDocument {

    static final String RESOURCE = "openapi/jeda-gateway.yml";
    private static final String PROTO_REF = "#/components/schemas/jeda.";

    /** The files whose messages the document may name (their imports are searched too). */
    private static final List<FileDescriptor> FILES = List.of(ReachabilityProto.getDescriptor(),
            InquiriesProto.getDescriptor(), TeamProto.getDescriptor(), PlansProto.getDescriptor(),
            ScheduleProto.getDescriptor(), AttendanceProto.getDescriptor(), DaysProto.getDescriptor(),
            io.jeda.policy.v1.UnitsProto.getDescriptor(), io.jeda.policy.v1.PositionsProto.getDescriptor(),
            io.jeda.policy.v1.OfficersProto.getDescriptor(), io.jeda.policy.v1.CalendarProto.getDescriptor(),
            io.jeda.policy.v1.RostersProto.getDescriptor(), io.jeda.policy.v1.AdminChangesProto.getDescriptor(),
            io.jeda.policy.v1.ImportsProto.getDescriptor(),
            io.jeda.attendance.v1.RecapProto.getDescriptor(), io.jeda.gateway.v1.AdminProto.getDescriptor(),
            MessageProto.getDescriptor(), WebhookProto.getDescriptor(),
            io.jeda.attendance.v1.CorrectionsProto.getDescriptor(),
            io.jeda.gateway.v1.WellbeingProto.getDescriptor(),
            io.jeda.policy.v1.StaffRequestsProto.getDescriptor());

    /** What a request body must carry (JSON names), for the messages that are sent as bodies. */
    private static final Map<String, List<String>> REQUIRED_IN = Map.ofEntries(
            Map.entry("jeda.gateway.v1.BatchGetReachabilityRequest", List.of("officers", "urgency")),
            Map.entry("jeda.attendance.v1.CheckInRequest", List.of("mode", "deviceTime", "position")),
            Map.entry("jeda.attendance.v1.CheckOutRequest", List.of("mode", "deviceTime", "position")),
            Map.entry("jeda.attendance.v1.DevicePosition", List.of("latitude", "longitude")),
            Map.entry("jeda.policy.v1.Plan", List.of("startDate", "endDate", "days")),
            Map.entry("jeda.policy.v1.PlanDay", List.of("dayOfWeek", "place")),
            Map.entry("jeda.policy.v1.DayException", List.of("date", "place")),
            Map.entry("jeda.policy.v1.RejectPlanRequest", List.of("reason")),
            Map.entry("jeda.policy.v1.RejectDayExceptionRequest", List.of("reason")),
            Map.entry("jeda.attendance.v1.CreateAttendanceCorrectionRequest", List.of("correction", "requestId")),
            Map.entry("jeda.attendance.v1.RejectAttendanceCorrectionRequest", List.of("reason")),
            // Admin bodies: what a create needs (an update sends only the fields of its mask).
            Map.entry("jeda.policy.v1.Unit", List.of("displayName", "timeZone")),
            Map.entry("jeda.policy.v1.Position", List.of("displayName")),
            Map.entry("jeda.policy.v1.ImportOfficersRequest", List.of("csv")),
            Map.entry("jeda.policy.v1.ImportPositionsRequest", List.of("csv")),
            Map.entry("jeda.policy.v1.ImportCalendarDaysRequest", List.of("csv")),
            Map.entry("jeda.policy.v1.Officer", List.of("nip", "displayName", "unit", "position")),
            Map.entry("jeda.policy.v1.CalendarDay", List.of("date", "kind")),
            Map.entry("jeda.policy.v1.RamadanPeriod", List.of("startDate", "endDate")),
            Map.entry("jeda.policy.v1.Absence", List.of("kind", "startDate", "endDate")),
            Map.entry("jeda.policy.v1.Roster", List.of("displayName", "unit", "members", "turnHours")),
            Map.entry("jeda.policy.v1.RosterOverride", List.of("officer", "startTime", "endTime", "reason")),
            Map.entry("jeda.policy.v1.SwapRosterSlotsRequest", List.of("firstSlotTime", "secondSlotTime", "reason")),
            Map.entry("jeda.relay.v1.SubmitMessageRequest", List.of("recipient", "urgency", "subject", "text")),
            Map.entry("jeda.relay.v1.RegisterWebhookRequest", List.of("url")),
            // Requests officers make.
            Map.entry("jeda.policy.v1.StaffRequest", List.of("kind")),
            Map.entry("jeda.policy.v1.DeclineStaffRequestRequest", List.of("reason")),
            Map.entry("jeda.policy.v1.RejectStaffRequestRequest", List.of("reason")),
            Map.entry("jeda.relay.v1.RegisterEmailChannelRequest", List.of("officer", "address")));

    private OpenApiDocument() {
    }

    /** The whole document as YAML. */
    public static String yaml() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setWidth(120);
        return new Yaml(o).dump(build());
    }

    /** The whole document, as YAML maps and lists. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> build() {
        Map<String, Object> doc;
        try (InputStream in = Objects.requireNonNull(OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE),
                RESOURCE)) {
            doc = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Descriptor> wanted = new TreeMap<>();
        collectRefs(doc, wanted);
        Map<String, Descriptor> all = new TreeMap<>();
        wanted.values().forEach(d -> walk(d, all));
        Map<String, String> names = names(all);
        ProtoComments comments = new ProtoComments();
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components"))
                .get("schemas");
        for (Descriptor d : all.values()) {
            schemas.put(names.get(d.getFullName()), schema(d, names, comments));
        }
        rewriteRefs(doc, names);
        return doc;
    }

    /** Writes the document to a file, for the build (a client is generated from it for the tests). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/openapi/jeda-gateway.yml");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, yaml(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static void collectRefs(Object node, Map<String, Descriptor> into) {
        if (node instanceof Map<?, ?> m) {
            Object ref = m.get("$ref");
            if (ref instanceof String s && s.startsWith(PROTO_REF)) {
                String full = s.substring("#/components/schemas/".length());
                into.put(full, find(full));
            }
            ((Map<String, Object>) m).values().forEach(v -> collectRefs(v, into));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, into));
        }
    }

    @SuppressWarnings("unchecked")
    private static void rewriteRefs(Object node, Map<String, String> names) {
        if (node instanceof Map<?, ?> m) {
            Object ref = m.get("$ref");
            if (ref instanceof String s && s.startsWith(PROTO_REF)) {
                ((Map<String, Object>) m).put("$ref", "#/components/schemas/"
                        + names.get(s.substring("#/components/schemas/".length())));
            }
            ((Map<String, Object>) m).values().forEach(v -> rewriteRefs(v, names));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> rewriteRefs(v, names));
        }
    }

    private static Descriptor find(String fullName) {
        for (FileDescriptor f : FILES) {
            Descriptor d = find(f, fullName);
            if (d != null) {
                return d;
            }
        }
        throw new IllegalStateException(RESOURCE + " names " + fullName + ", which is no message the gateway knows");
    }

    private static Descriptor find(FileDescriptor f, String fullName) {
        Descriptor d = f.findMessageTypeByName(fullName.substring(fullName.lastIndexOf('.') + 1));
        if (d != null && d.getFullName().equals(fullName)) {
            return d;
        }
        for (FileDescriptor dep : f.getDependencies()) {
            d = find(dep, fullName);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The message and every message it holds that needs a schema of its own. */
    private static void walk(Descriptor d, Map<String, Descriptor> into) {
        if (into.putIfAbsent(d.getFullName(), d) != null) {
            return;
        }
        for (FieldDescriptor f : d.getFields()) {
            if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.isMapField()
                    && inline(f.getMessageType()) == null) {
                walk(f.getMessageType(), into);
            }
        }
    }

    /** Simple names, prefixed with the API's service name where two messages share one. */
    private static Map<String, String> names(Map<String, Descriptor> all) {
        Map<String, Integer> count = new HashMap<>();
        all.values().forEach(d -> count.merge(d.getName(), 1, Integer::sum));
        Map<String, String> out = new HashMap<>();
        for (Descriptor d : all.values()) {
            String pkg = d.getFile().getPackage(); // jeda.policy.v1
            String service = pkg.split("\\.")[1];
            out.put(d.getFullName(), count.get(d.getName()) > 1
                    ? Character.toUpperCase(service.charAt(0)) + service.substring(1) + d.getName() : d.getName());
        }
        return out;
    }

    private static Map<String, Object> schema(Descriptor d, Map<String, String> names, ProtoComments comments) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        String about = comments.of(d);
        s.put("description", (about == null ? "" : about + " ") + "(" + d.getFullName() + ")");
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (FieldDescriptor f : d.getFields()) {
            Map<String, Object> p = field(f, names);
            String fieldAbout = comments.of(f);
            // Beside a $ref OpenAPI 3.0 ignores every sibling: such a field is described by its message.
            if (fieldAbout != null && !p.containsKey("$ref")) {
                p.put("description", fieldAbout + (p.containsKey("description") ? " " + p.get("description") : ""));
            }
            props.put(f.getJsonName(), p);
            if (!f.hasPresence()) {
                required.add(f.getJsonName());
            }
        }
        List<String> req = REQUIRED_IN.getOrDefault(d.getFullName(), required);
        if (!req.isEmpty()) {
            s.put("required", req);
        }
        s.put("properties", props);
        return s;
    }

    private static Map<String, Object> field(FieldDescriptor f, Map<String, String> names) {
        if (f.isMapField()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "object");
            m.put("additionalProperties", single(f.getMessageType().findFieldByName("value"), names));
            return m;
        }
        if (f.isRepeated()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("type", "array");
            a.put("items", single(f, names));
            return a;
        }
        return single(f, names);
    }

    private static Map<String, Object> single(FieldDescriptor f, Map<String, String> names) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (f.getJavaType()) {
            case BOOLEAN -> s.put("type", "boolean");
            case INT -> {
                s.put("type", "integer");
                s.put("format", "int32");
            }
            case LONG -> {
                // protobuf's JSON mapping writes 64-bit integers as strings (JavaScript's numbers are doubles).
                s.put("type", "string");
                s.put("format", "int64");
            }
            case FLOAT -> {
                s.put("type", "number");
                s.put("format", "float");
            }
            case DOUBLE -> {
                s.put("type", "number");
                s.put("format", "double");
            }
            case STRING -> s.put("type", "string");
            case BYTE_STRING -> {
                s.put("type", "string");
                s.put("format", "byte");
            }
            case ENUM -> enumSchema(f.getEnumType(), s);
            case MESSAGE -> {
                Map<String, Object> inline = inline(f.getMessageType());
                if (inline != null) {
                    s.putAll(inline);
                } else {
                    s.put("$ref", "#/components/schemas/" + names.get(f.getMessageType().getFullName()));
                }
            }
        }
        return s;
    }

    /** Values written with their prefix, read with or without it. */
    private static void enumSchema(EnumDescriptor e, Map<String, Object> s) {
        String prefix = io.jeda.common.grpc.ProtoEnums.prefix(e);
        List<String> values = new ArrayList<>();
        e.getValues().forEach(v -> values.add(v.getName()));
        e.getValues().stream().map(v -> v.getName()).filter(n -> !prefix.isEmpty() && n.startsWith(prefix))
                .map(n -> n.substring(prefix.length())).filter(n -> !n.equals("UNSPECIFIED")).forEach(values::add);
        s.put("type", "string");
        s.put("description", e.getFullName() + ": written with its prefix (" + prefix
                + "...), read with or without it");
        s.put("enum", values);
    }

    /** The schema of a well-known or common type that the API writes as a plain value; null for others. */
    private static Map<String, Object> inline(Descriptor type) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (type.getFullName()) {
            case "google.protobuf.Timestamp" -> {
                s.put("type", "string");
                s.put("format", "date-time");
                s.put("description", "An instant, RFC 3339 (written in UTC)");
            }
            case "google.protobuf.Duration" -> {
                s.put("type", "string");
                s.put("description", "Seconds with an s suffix, for example 3600s");
            }
            case "google.protobuf.FieldMask" -> {
                s.put("type", "string");
                s.put("description", "Comma-separated lowerCamelCase field paths");
            }
            case "google.type.Date" -> {
                s.put("type", "string");
                s.put("format", "date");
                s.put("description", "A local date, YYYY-MM-DD");
            }
            case "google.type.TimeOfDay" -> {
                s.put("type", "string");
                s.put("pattern", "^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
                s.put("description", "A local time, HH:MM (or HH:MM:SS)");
            }
            case "google.protobuf.Struct", "google.protobuf.Value" -> s.put("description", "Any JSON value");
            default -> {
                return null;
            }
        }
        return s;
    }
}
