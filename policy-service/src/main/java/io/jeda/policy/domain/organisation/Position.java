package io.jeda.policy.domain.organisation;

import io.jeda.policy.domain.WorkPlace;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A position (jabatan) with its working-time settings and the flexible work the agency allows it.
 *
 * @param allowedPlaces comma-separated {@link WorkPlace} names; see {@link #places()}
 */
@MappedEntity("job_position")
public record Position(@Id String id, String displayName, boolean fwaEligible, String allowedPlaces,
                       int maxRemoteDaysPerWeek, FlexiTimeKind flexiTime, LocalTime defaultStart,
                       LocalTime startWindowBegin, LocalTime startWindowEnd, int weeklyWorkMinutes,
                       int dailyWorkMinutes, int breakMinutes, int fridayBreakMinutes, LocalTime coreStart,
                       LocalTime coreEnd, Instant createdAt, Instant updatedAt) {

    /** The allowed places; OFFICE is always among them. */
    public Set<WorkPlace> places() {
        EnumSet<WorkPlace> set = EnumSet.of(WorkPlace.OFFICE);
        if (allowedPlaces != null && !allowedPlaces.isBlank()) {
            Arrays.stream(allowedPlaces.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(WorkPlace::valueOf).forEach(set::add);
        }
        return set;
    }

    /** Encodes places for the allowed_places column, OFFICE always first. */
    public static String encodePlaces(Set<WorkPlace> places) {
        EnumSet<WorkPlace> set = EnumSet.of(WorkPlace.OFFICE);
        set.addAll(places);
        return set.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
