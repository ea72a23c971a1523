package io.jeda.gateway.reachability;

/** Where the effective schedule places an officer on a working day; mirrors policy's WorkPlace. */
public enum WorkPlace {
    OFFICE, HOME, OTHER_OFFICE, OTHER;

    /** Another office of the agency is still an office to whoever wants to reach the officer. */
    public WorkLocation location() {
        return switch (this) {
            case OFFICE, OTHER_OFFICE -> WorkLocation.OFFICE;
            case HOME -> WorkLocation.HOME;
            case OTHER -> WorkLocation.OTHER;
        };
    }
}
