package io.jeda.policy.domain.changes;

/** How far a change reaches, from narrow to wide. */
public enum ChangeScope {
    /** One officer: the record, plans, one-day exceptions, leave and absences. */
    OFFICER,
    /** One unit and what resolves through it (rosters, agency days, schedules of officers under it). */
    UNIT,
    /** Everything (national days, Ramadan periods, positions, a unit's zone, imports). */
    ALL;

    /**
     * The scope of an admin change, from the resource it changed: an officer's own resources reach
     * that officer; rosters, units and agency days one unit (a unit's update may change its time zone,
     * which every officer below it has, so it reaches everything); the rest everything.
     */
    public static ChangeScope ofAdminChange(String action, String resource, boolean hasUnit) {
        if (resource.startsWith("officers/") && resource.length() > "officers/".length()) {
            return OFFICER;
        }
        if ("UpdateUnit".equals(action)) {
            return ALL;
        }
        if (hasUnit && (resource.startsWith("rosters/") || resource.startsWith("units/")
                || resource.startsWith("calendarDays/"))) {
            return UNIT;
        }
        return ALL;
    }

    /** The NIP of {@code officers/{nip}} or {@code officers/{nip}/...}, or null. */
    public static String officerOf(String resource) {
        if (!resource.startsWith("officers/")) {
            return null;
        }
        String rest = resource.substring("officers/".length());
        int slash = rest.indexOf('/');
        String nip = slash < 0 ? rest : rest.substring(0, slash);
        return nip.isEmpty() ? null : nip;
    }
}
