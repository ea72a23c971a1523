package io.jeda.relay.domain;

import java.util.Optional;

/**
 * The port to the officers' records: an officer's direct manager, the last person an unacknowledged
 * URGENT or EMERGENCY message is escalated to. Empty when there is none or the records did not
 * answer in time (the chain then ends without the manager).
 */
public interface ManagerLookup {

    Optional<String> managerOf(String nip);
}
