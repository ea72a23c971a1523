package io.jeda.relay.domain;

import java.util.Optional;

/**
 * The port to the reachability engine. Empty means it did not answer in time (or failed): the
 * caller must degrade, never wait longer.
 */
public interface ReachabilityLookup {

    Optional<Reachability> ask(String nip, Urgency urgency);
}
