package io.jeda.policy.domain;

/** Where an officer works on a day. */
public enum WorkPlace {
    OFFICE, HOME, OTHER_OFFICE, OTHER;

    /** Any place other than the officer's own office counts as a remote day. */
    public boolean isRemote() {
        return this != OFFICE;
    }
}
