package io.jeda.policy.domain.organisation;

/**
 * An officer as one caller may see them: the domicile is already removed when the caller may not
 * see it, and the time zone of the officer's unit is attached because every schedule is read in it.
 */
public record OfficerView(Officer officer, String timeZone) {
}
