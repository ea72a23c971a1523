package io.jeda.relay.app;

import io.jeda.common.error.JedaException;
import io.jeda.relay.domain.DeliveryPlan;
import io.jeda.relay.domain.Dispatch;
import io.jeda.relay.domain.DueDelivery;
import io.jeda.relay.domain.ManagerLookup;
import io.jeda.relay.domain.Message;
import io.jeda.relay.domain.Reachability;
import io.jeda.relay.domain.ReachabilityLookup;
import io.jeda.relay.domain.Urgency;
import io.jeda.relay.persistence.MessageStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out due steps: claims them with a lease (so replicas share the work), then delivers
 * ROUTINE messages for one officer due at the same time as one digest, delivers and escalates
 * URGENT/EMERGENCY ones, and asks the reachability engine again for degraded submissions. Each
 * step's effects are written with the step's completion, guarded by the lease: once only.
 */
public class DeliveryWorker {

    private final String owner;
    private final MessageStore store;
    private final ReachabilityLookup reachability;
    private final ManagerLookup managers;
    private final RelaySettings settings;
    private final RelayClock clock;

    public DeliveryWorker(String owner, MessageStore store, ReachabilityLookup reachability, ManagerLookup managers,
                          RelaySettings settings, RelayClock clock) {
        this.managers = managers;
        this.owner = owner;
        this.store = store;
        this.reachability = reachability;
        this.settings = settings;
        this.clock = clock;
    }

    /** One round: claims what is due now and carries it out. Returns the number of steps claimed. */
    public int runOnce() {
        Instant now = clock.now();
        List<DueDelivery> claimed = store.claim(owner, now, now.plus(settings.lease), settings.batchSize);
        Map<String, List<DueDelivery>> digests = new LinkedHashMap<>();
        for (DueDelivery d : claimed) {
            if (d.kind() == DueDelivery.Kind.RESOLVE) {
                resolve(d, now);
                continue;
            }
            Message m = store.find(d.messageId()).orElse(null);
            if (m == null) {
                continue;
            }
            if (m.urgency() == Urgency.ROUTINE && d.dueAt().plus(settings.routineMaxLateness).isBefore(now)) {
                // Due long ago (every replica was down): the working window may have closed since;
                // ask again rather than deliver into someone's rest.
                resolve(d, now);
            } else if (m.urgency() == Urgency.ROUTINE) {
                digests.computeIfAbsent(d.recipient() + "@" + d.dueAt().toEpochMilli(), k -> new ArrayList<>()).add(d);
            } else {
                store.deliverStep(owner, d, now, ackTimeout(m.urgency()));
            }
        }
        digests.values().forEach(group -> store.deliverDigest(owner, group.get(0).recipient(), group, now));
        return claimed.size();
    }

    private void resolve(DueDelivery d, Instant now) {
        Message m = store.find(d.messageId()).orElse(null);
        if (m == null) {
            return;
        }
        Optional<Reachability> answer;
        try {
            answer = reachability.ask(m.recipient(), m.urgency(), clock.moved() ? clock.now() : null);
        } catch (JedaException e) {
            // The recipient is gone from the records: keep the message held and ask again later.
            answer = Optional.empty();
        }
        Optional<String> manager = m.urgency().escalates() && answer.isPresent()
                ? managers.managerOf(m.recipient()) : Optional.empty();
        DeliveryPlan plan = Dispatch.plan(m.recipient(), m.urgency(), answer, manager, now, settings.maxChain);
        store.replan(owner, d, plan, now, settings.resolveRetry);
    }

    private Duration ackTimeout(Urgency u) {
        return u == Urgency.EMERGENCY ? settings.ackEmergency : settings.ackUrgent;
    }
}
