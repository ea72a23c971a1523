package io.jeda.relay.app;

import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.relay.persistence.MessageStore;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * How many messages relay-service held out of each officer's rest time, for the wellbeing report.
 * Counts only, never content; the gateway checks the caller's team or unit scope before it asks.
 */
@Singleton
public class HeldMessageCounts {

    static final int MAX_OFFICERS = 500;
    static final Duration MAX_PERIOD = Duration.ofDays(62);

    private final MessageStore messages;

    public HeldMessageCounts(MessageStore messages) {
        this.messages = messages;
    }

    /** The count of every named officer (zero when none was held), in the order asked. */
    public Map<String, Integer> count(Caller caller, List<String> nips, Instant from, Instant to) {
        if (!caller.isPrivileged() && !caller.has(Role.HR) && !caller.has(Role.MANAGER)) {
            throw JedaException.permissionDenied("ROLE_NOT_ALLOWED",
                    "only the gateway, HR, admins and managers may count held messages", "subject", caller.subject());
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(nips));
        if (distinct.isEmpty() || distinct.size() > MAX_OFFICERS) {
            throw JedaException.invalidArgument("BATCH_SIZE", "officers must name 1 to " + MAX_OFFICERS + " officers",
                    "field", "officers", "count", String.valueOf(distinct.size()));
        }
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw JedaException.invalidArgument("INVALID_PERIOD", "end_time must be after start_time, by at most 62 days",
                    "field", "end_time");
        }
        Map<String, Integer> found = messages.heldCounts(distinct, from, to);
        Map<String, Integer> out = new LinkedHashMap<>();
        distinct.forEach(n -> out.put(n, found.getOrDefault(n, 0)));
        return out;
    }
}
