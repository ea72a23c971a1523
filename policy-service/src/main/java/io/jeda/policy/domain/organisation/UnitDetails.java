package io.jeda.policy.domain.organisation;

import java.util.List;

/**
 * A unit together with its offices, the shape in which the API reads and writes units (the two are
 * stored in separate tables).
 */
public record UnitDetails(Unit unit, List<Office> offices) {

    public UnitDetails {
        offices = offices == null ? List.of() : List.copyOf(offices);
    }
}
