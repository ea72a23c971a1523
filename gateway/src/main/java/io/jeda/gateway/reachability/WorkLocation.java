package io.jeda.gateway.reachability;

/**
 * Where an officer works right now, as told to whoever asks. Deliberately coarse: positions are
 * personal data and never leave attendance-service, so the answer never carries coordinates.
 * Also the check-in mode reported by attendance-service.
 */
public enum WorkLocation {
    OFFICE, HOME, OTHER
}
