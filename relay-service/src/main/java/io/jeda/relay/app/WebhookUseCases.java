package io.jeda.relay.app;

import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.relay.domain.Webhook;
import io.jeda.relay.domain.WebhookEvent;
import io.jeda.common.webhooks.WebhookSignature;
import io.jeda.relay.persistence.WebhookStore;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** An agency client's webhooks: registration, secret rotation, dead letters and their replay. */
@Singleton
public class WebhookUseCases {

    private static final int MAX_URL = 2000;

    private final WebhookStore store;
    private final RelayClock clock;

    public WebhookUseCases(WebhookStore store, RelayClock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Webhook register(Caller caller, String url) {
        MessageUseCases.requireAgency(caller);
        requireUrl(url);
        String id = UUID.randomUUID().toString().replace("-", "");
        return store.insert(new Webhook(id, caller.subject(), url, WebhookSignature.newSecret(), clock.now()));
    }

    public Webhook rotate(Caller caller, String webhookId) {
        return store.rotate(own(caller, webhookId), WebhookSignature.newSecret(), clock.now());
    }

    public List<WebhookEvent> deadLetters(Caller caller, long offset, int limit) {
        MessageUseCases.requireAgency(caller);
        return store.deadLetters(caller.subject(), offset, limit);
    }

    public WebhookEvent replay(Caller caller, String webhookId, String eventId) {
        own(caller, webhookId);
        WebhookEvent e = store.findEvent(webhookId, eventId).orElseThrow(() ->
                JedaException.notFound("event", "webhooks/" + webhookId + "/events/" + eventId));
        if (!"DEAD".equals(e.status()) || !store.replay(eventId, clock.now())) {
            throw JedaException.failedPrecondition("EVENT_NOT_DEAD", "event " + eventId + " is not dead-lettered",
                    "event", "webhooks/" + webhookId + "/events/" + eventId, "status", e.status());
        }
        return store.findEvent(webhookId, eventId).orElseThrow();
    }

    private Webhook own(Caller caller, String webhookId) {
        MessageUseCases.requireAgency(caller);
        return store.find(webhookId).filter(w -> w.clientId().equals(caller.subject()))
                .orElseThrow(() -> JedaException.notFound("webhook", "webhooks/" + webhookId));
    }

    private static void requireUrl(String url) {
        boolean ok = false;
        if (url != null && !url.isBlank() && url.length() <= MAX_URL) {
            try {
                URI u = URI.create(url);
                ok = u.isAbsolute() && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                        && u.getHost() != null;
            } catch (IllegalArgumentException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw JedaException.invalidArgument("INVALID_WEBHOOK_URL",
                    "url must be an absolute http or https URL of at most " + MAX_URL + " characters",
                    "field", "url");
        }
    }
}
