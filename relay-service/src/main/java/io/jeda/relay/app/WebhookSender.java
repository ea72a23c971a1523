package io.jeda.relay.app;

import io.jeda.relay.domain.Backoff;
import io.jeda.common.webhooks.WebhookSignature;
import io.jeda.relay.persistence.WebhookStore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

/**
 * Sends queued webhook events, signed after the Standard Webhooks convention. A 2xx answer is
 * success; anything else (or no answer within the timeout) is retried with exponential back-off,
 * and after the last attempt the event is dead-lettered for the agency to read and replay.
 * Delivery is at least once: a worker that dies after sending leaves the lease to run out, and the
 * event is sent again with the same {@code webhook-id}.
 */
public class WebhookSender {

    private final String owner;
    private final WebhookStore store;
    private final RelaySettings settings;
    private final RelayClock clock;
    private final HttpClient http;
    private final Backoff backoff;

    public WebhookSender(String owner, WebhookStore store, RelaySettings settings, RelayClock clock) {
        this.owner = owner;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.backoff = new Backoff(settings.backoffFirst, settings.backoffCap, settings.maxAttempts);
    }

    /** One round: sends what is due now. Returns the number of events tried. */
    public int runOnce() {
        Instant now = clock.now();
        List<WebhookStore.Send> sends = store.claim(owner, now, now.plus(settings.lease), settings.batchSize);
        for (WebhookStore.Send s : sends) {
            String error = send(s);
            Instant at = clock.now();
            if (error == null) {
                store.sent(owner, s.event().id(), at);
            } else {
                int attempt = s.event().attempts() + 1;
                store.failed(owner, s.event().id(), error, backoff.exhausted(attempt) ? null : at.plus(backoff.after(attempt)));
            }
        }
        return sends.size();
    }

    /** Null on success, else a sentence saying what failed. */
    private String send(WebhookStore.Send s) {
        // The real time, not the service clock: receivers reject timestamps far from their own clock
        // (Standard Webhooks libraries allow 5 minutes), and a demo may run the service clock ahead.
        long timestamp = Instant.now().getEpochSecond();
        String body = s.event().payload();
        HttpRequest request = HttpRequest.newBuilder(URI.create(s.url())).timeout(settings.webhookTimeout)
                .header("content-type", "application/json")
                .header("webhook-id", s.event().id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(s.secret(), s.event().id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2 ? null : "the endpoint answered HTTP " + r.statusCode();
        } catch (IOException e) {
            return "no answer from the endpoint: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while sending";
        } catch (IllegalArgumentException e) {
            return "the endpoint URL cannot be used: " + e.getMessage();
        }
    }
}
