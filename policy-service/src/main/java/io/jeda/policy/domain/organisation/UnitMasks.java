package io.jeda.policy.domain.organisation;

import io.jeda.common.error.JedaException;

import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the field mask of an Update (AIP-134) for units, positions and officers: the mask must
 * name at least one field and only fields the resource lets a caller change, so that a typo never
 * silently updates nothing.
 */
public final class UnitMasks {

    private UnitMasks() {
    }

    /** @throws JedaException INVALID_ARGUMENT, reason INVALID_UPDATE_MASK */
    public static void require(Set<String> paths, Set<String> allowed) {
        if (paths == null || paths.isEmpty()) {
            throw JedaException.invalidArgument("INVALID_UPDATE_MASK",
                    "update_mask must name the fields to update: " + String.join(", ", new TreeSet<>(allowed)),
                    "field", "update_mask");
        }
        for (String p : paths) {
            if (!allowed.contains(p)) {
                throw JedaException.invalidArgument("INVALID_UPDATE_MASK", "update_mask names '" + p
                        + "', which cannot be updated; allowed: " + String.join(", ", new TreeSet<>(allowed)),
                        "field", "update_mask", "path", p);
            }
        }
    }
}
