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

    private static final int MAX_ADDRESS = 254;

    private final WebhookStore store;
    private final RelayClock clock;
    private final Mailer mailer;

    public WebhookUseCases(WebhookStore store, RelayClock clock, Mailer mailer) {
        this.store = store;
        this.clock = clock;
        this.mailer = mailer;
    }

    public Webhook register(Caller caller, String url) {
        MessageUseCases.requireAgency(caller);
        requireUrl(url);
        String id = UUID.randomUUID().toString().replace("-", "");
        return store.insert(new Webhook(id, caller.subject(), url, WebhookSignature.newSecret(), clock.now(), null));
    }

    /**
     * Registers an officer's email address as the caller's channel: the caller's messages delivered
     * to {@code nip} are mailed there too. Only where an SMTP relay is configured.
     */
    public Webhook registerEmail(Caller caller, String nip, String address) {
        MessageUseCases.requireAgency(caller);
        if (!mailer.configured()) {
            throw JedaException.failedPrecondition("SMTP_NOT_CONFIGURED",
                    "email channels need an SMTP relay, and none is configured", "setting", "JEDA_RELAY_SMTP_HOST");
        }
        String a = address == null ? "" : address.strip();
        if (a.isEmpty() || a.length() > MAX_ADDRESS || !validAddress(a)) {
            throw JedaException.invalidArgument("INVALID_EMAIL_ADDRESS",
                    "address must be one email address (name@domain) of at most " + MAX_ADDRESS + " characters",
                    "field", "address");
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        // The secret is unused by mail; kept so a channel is a registration like any other.
        return store.insert(new Webhook(id, caller.subject(), Webhook.MAILTO + a, WebhookSignature.newSecret(),
                clock.now(), nip));
    }

    private static boolean validAddress(String a) {
        int at = a.lastIndexOf('@');
        return at > 0 && at < a.length() - 1 && a.indexOf('@') == at && a.substring(at + 1).contains(".")
                && a.chars().noneMatch(ch -> ch <= ' ' || ch == '<' || ch == '>' || ch == ',' || ch == ';'
                || ch == '"' || ch == '(' || ch == ')' || ch == '\\' || ch == '[' || ch == ']' || ch == ':');
    }

    public Webhook rotate(Caller caller, String webhookId) {
        return store.rotate(own(caller, webhookId), WebhookSignature.newSecret(), clock.now());
    }

    /** The caller's webhooks and email channels ({@code emailOnly}: only the channels). */
    public List<Webhook> list(Caller caller, boolean emailOnly, long offset, int limit) {
        MessageUseCases.requireAgency(caller);
        return store.list(caller.subject(), emailOnly, offset, limit);
    }

    /**
     * Removes one of the caller's webhooks or email channels; its unsent events are dropped. Another
     * client's, or one removed already, is NOT_FOUND (so that whether it exists does not show).
     */
    public void remove(Caller caller, String webhookId) {
        Webhook w = own(caller, webhookId);
        if (!store.remove(w.id(), clock.now())) {
            throw JedaException.notFound("webhook", "webhooks/" + webhookId);
        }
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
