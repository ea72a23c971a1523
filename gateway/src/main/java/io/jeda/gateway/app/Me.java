package io.jeda.gateway.app;

import java.util.List;

/**
 * Who the caller is, as the web app and any officer's client show it.
 *
 * @param officer     {@code officers/{nip}}
 * @param displayName the officer's name as policy-service knows it
 * @param unit        {@code units/{id}}
 * @param timeZone    the unit's IANA time zone, in which the officer's days and times are meant
 * @param roles       the roles the caller's token grants (OFFICER, MANAGER, ...), sorted
 */
public record Me(String officer, String nip, String displayName, String unit, String timeZone, List<String> roles) {
}
