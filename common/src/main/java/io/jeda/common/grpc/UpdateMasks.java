package io.jeda.common.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.jeda.common.error.JedaException;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields an Update request changes, with one meaning on every Update (AIP-134):
 * <ul>
 * <li>a mask with paths changes exactly those fields; a path that is not updatable is refused
 *     (INVALID_ARGUMENT, reason {@value #INVALID_UPDATE_MASK}, metadata {@code field=update_mask},
 *     {@code path} and {@code allowed});</li>
 * <li>the mask {@code "*"} replaces every updatable field, unset ones included (set back to their
 *     default);</li>
 * <li>an empty or absent mask changes the fields the request populates: the updatable fields of the
 *     sent resource that hold a value other than their default (a non-empty list, a present
 *     message). A field cannot be cleared this way: name it in the mask to clear it.</li>
 * </ul>
 * Paths are the proto field names ({@code start_date}), as a FieldMask carries them.
 */
public final class UpdateMasks {

    /** The one reason for a mask that names something the Update cannot change. */
    public static final String INVALID_UPDATE_MASK = "INVALID_UPDATE_MASK";

    private UpdateMasks() {
    }

    /**
     * @param mask      the request's update mask (absent is the default instance: empty)
     * @param resource  the resource sent in the request
     * @param updatable the top-level fields this Update may change
     * @return the fields to change, a subset of {@code updatable}; empty when the request changes nothing
     */
    public static Set<String> resolve(FieldMask mask, Message resource, Set<String> updatable) {
        return resolve(mask.getPathsList(), populated(resource), updatable);
    }

    /**
     * The same rule for code that holds the paths and populated fields already.
     *
     * @param paths     the mask's paths
     * @param populated the fields the request sets (used only when {@code paths} is empty)
     */
    public static Set<String> resolve(Collection<String> paths, Collection<String> populated, Set<String> updatable) {
        if (paths == null || paths.isEmpty()) {
            Set<String> out = new LinkedHashSet<>();
            for (String p : populated) {
                if (updatable.contains(p)) {
                    out.add(p);
                }
            }
            return out;
        }
        if (paths.size() == 1 && paths.contains("*")) {
            return new LinkedHashSet<>(updatable);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String p : paths) {
            if (!updatable.contains(p)) {
                String allowed = String.join(",", new TreeSet<>(updatable));
                throw JedaException.invalidArgument(INVALID_UPDATE_MASK,
                        "update_mask names '" + p + "', which cannot be updated; updatable: " + allowed,
                        "field", "update_mask", "path", p, "allowed", allowed);
            }
            out.add(p);
        }
        return out;
    }

    /** The top-level fields of a message that hold a value (proto field names). */
    public static Set<String> populated(Message message) {
        Set<String> out = new LinkedHashSet<>();
        for (FieldDescriptor f : message.getAllFields().keySet()) {
            out.add(f.getName());
        }
        return out;
    }
}
