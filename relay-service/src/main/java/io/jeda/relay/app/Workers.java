package io.jeda.relay.app;

import io.jeda.relay.domain.ManagerLookup;
import io.jeda.relay.domain.ReachabilityLookup;
import io.jeda.relay.persistence.MessageStore;
import io.jeda.relay.persistence.WebhookStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** This replica's delivery worker and webhook sender, run on a fixed delay. */
@Singleton
@Requires(property = "jeda.relay.worker.enabled", notEquals = "false")
public class Workers {

    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    private final DeliveryWorker deliveries;
    private final WebhookSender webhooks;

    public Workers(MessageStore messages, WebhookStore hooks, ReachabilityLookup reachability, ManagerLookup managers,
                   RelaySettings settings, RelayClock clock, Mailer mailer, RelayMeters meters) {
        // A lease names its holder; a restarted replica is a new holder and waits for its old leases to run out.
        String owner = "relay-" + UUID.randomUUID().toString().substring(0, 8);
        this.deliveries = new DeliveryWorker(owner, messages, reachability, managers, settings, clock, meters);
        this.webhooks = new WebhookSender(owner, hooks, settings, clock, mailer, meters);
    }

    // Two schedules, so that a slow webhook endpoint never delays deliveries and escalations.
    @Scheduled(fixedDelay = "${jeda.relay.worker.interval:1s}", initialDelay = "${jeda.relay.worker.initial-delay:5s}")
    void deliver() {
        run("delivery", deliveries::runOnce);
    }

    @Scheduled(fixedDelay = "${jeda.relay.worker.interval:1s}", initialDelay = "${jeda.relay.worker.initial-delay:5s}")
    void send() {
        run("webhook", webhooks::runOnce);
    }

    private static void run(String what, Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            // The next round tries again; leases of this round's claims run out on their own.
            LOG.warn("relay {} round failed: {}", what, e.toString());
        }
    }
}
