package io.jeda.relay.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The port to the rosters: who is on call for a function at an instant. Empty means the roster service did not
 * answer in time; a roster that does not exist, or has nobody on call, is refused ({@code JedaException}).
 */
public interface RosterLookup {

    Optional<OnCall> onCall(String rosterId, Instant at);
}
