package io.jeda.gateway.http;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code //} comments above the messages and fields of the API's .proto files (shipped in the
 * jeda-proto jar), for the descriptions of the OpenAPI schemas: the protos are the one place the
 * units, zones and formats of every field are written down. Generated descriptors carry no comments.
 */
final class ProtoComments {

    private static final Pattern BLOCK = Pattern.compile("^(message|enum|service)\\s+(\\w+)\\s*\\{");
    private static final Pattern FIELD = Pattern.compile("^(?:repeated\\s+|optional\\s+)?(?:map<[^>]+>|[\\w.]+)\\s+(\\w+)\\s*=\\s*\\d+");

    /** Comments by full message name, and by full message name + "." + field name. */
    private final Map<String, String> comments = new HashMap<>();
    private final Map<String, Boolean> loaded = new HashMap<>();

    String of(Descriptor message) {
        load(message);
        return comments.get(message.getFullName());
    }

    String of(FieldDescriptor field) {
        load(field.getContainingType());
        return comments.get(field.getContainingType().getFullName() + "." + field.getName());
    }

    private void load(Descriptor message) {
        String file = message.getFile().getName();
        if (loaded.putIfAbsent(file, Boolean.TRUE) != null) {
            return;
        }
        try (InputStream in = ProtoComments.class.getClassLoader().getResourceAsStream(file)) {
            if (in != null) {
                parse(message.getFile().getPackage(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void parse(String pkg, String text) {
        StringBuilder comment = new StringBuilder();
        Deque<String> blocks = new ArrayDeque<>();
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("//")) {
                comment.append(comment.length() == 0 ? "" : " ").append(line.substring(2).trim());
                continue;
            }
            Matcher b = BLOCK.matcher(line);
            Matcher f = FIELD.matcher(line);
            if (b.find()) {
                String name = pkg + "." + b.group(2);
                blocks.push(b.group(1).equals("message") ? name : "");
                if (b.group(1).equals("message") && comment.length() > 0) {
                    comments.put(name, comment.toString());
                }
            } else if (line.startsWith("}") && !blocks.isEmpty()) {
                blocks.pop();
            } else if (f.find() && !blocks.isEmpty() && !blocks.peek().isEmpty() && comment.length() > 0) {
                comments.put(blocks.peek() + "." + f.group(1), comment.toString());
            }
            comment.setLength(0);
        }
    }
}
