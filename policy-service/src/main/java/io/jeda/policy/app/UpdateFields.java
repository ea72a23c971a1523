package io.jeda.policy.app;

import io.jeda.common.grpc.UpdateMasks;

import java.util.List;
import java.util.Set;

/**
 * What an Update request asks to change: its mask's paths and the fields the sent resource
 * populates. The use case resolves it ({@link UpdateMasks}: the named fields, {@code "*"} for every
 * updatable one, an empty mask for the populated ones) after it has checked who is asking, so that a
 * caller who may not update learns nothing from a bad mask.
 */
public record UpdateFields(List<String> paths, Set<String> populated) {

    public UpdateFields {
        paths = List.copyOf(paths);
        populated = Set.copyOf(populated);
    }

    /**
     * @return the fields to change, a subset of {@code updatable}; empty when the request changes nothing
     * @throws io.jeda.common.error.JedaException INVALID_ARGUMENT INVALID_UPDATE_MASK for a path that is not updatable
     */
    public Set<String> resolve(Set<String> updatable) {
        return UpdateMasks.resolve(paths, populated, updatable);
    }
}
