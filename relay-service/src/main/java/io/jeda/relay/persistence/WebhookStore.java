package io.jeda.relay.persistence;

import io.jeda.relay.domain.Webhook;
import io.jeda.relay.domain.WebhookEvent;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Webhook registrations and the outbox of their events (leased sends, retries, dead letters). */
@Singleton
public class WebhookStore {

    private static final String EVENT_COLUMNS = "id, webhook_id, type, payload, attempts, status, last_error, "
            + "created_at, replayed";

    private final Jdbc jdbc;

    public WebhookStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Webhook insert(Webhook w) {
        return jdbc.tx(c -> {
            Jdbc.update(c, "INSERT INTO webhook (id, client_id, url, secret, secret_time, officer_nip) VALUES (?,?,?,?,?,?)",
                    w.id(), w.clientId(), w.url(), w.secret(), w.secretTime(), w.officerNip());
            return w;
        });
    }

    public Optional<Webhook> find(String id) {
        return jdbc.tx(c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT id, client_id, url, secret, secret_time, officer_nip"
                    + " FROM webhook WHERE id = ? AND removed_at IS NULL", id); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(webhook(rs)) : Optional.<Webhook>empty();
            }
        });
    }

    /** A client's registrations not removed (only its email channels when {@code emailOnly}), by id. */
    public List<Webhook> list(String clientId, boolean emailOnly, long offset, int limit) {
        return jdbc.tx(c -> {
            List<Webhook> out = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT id, client_id, url, secret, secret_time, officer_nip"
                    + " FROM webhook WHERE client_id = ? AND removed_at IS NULL"
                    + (emailOnly ? " AND officer_nip IS NOT NULL" : "") + " ORDER BY id LIMIT ? OFFSET ?",
                    clientId, limit, offset); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(webhook(rs));
                }
            }
            return out;
        });
    }

    /**
     * Removes a registration: it is never sent to again, and its events not sent yet (pending, retrying,
     * dead-lettered) are DROPPED. A send in flight that ends after this does not bring its event back.
     * False when it was removed already.
     */
    public boolean remove(String id, Instant at) {
        return jdbc.tx(c -> {
            if (Jdbc.update(c, "UPDATE webhook SET removed_at = ? WHERE id = ? AND removed_at IS NULL", at, id) != 1) {
                return false;
            }
            Jdbc.update(c, "UPDATE webhook_event SET status = 'DROPPED', last_error = ? WHERE webhook_id = ?"
                    + " AND status IN ('PENDING', 'DEAD')", "channel removed", id);
            return true;
        });
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        return new Webhook(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Jdbc.instant(rs, "secret_time"), rs.getString(6));
    }

    /** Sets a new secret; every send from now on is signed with it. */
    public Webhook rotate(Webhook w, String secret, Instant at) {
        return jdbc.tx(c -> {
            Jdbc.update(c, "UPDATE webhook SET secret = ?, secret_time = ? WHERE id = ?", secret, at, w.id());
            return new Webhook(w.id(), w.clientId(), w.url(), secret, at, w.officerNip());
        });
    }

    /** An event to send, with where and how to sign it. */
    public record Send(WebhookEvent event, String url, String secret) {
    }

    /** Claims due events for {@code owner} until {@code leaseUntil}; see {@link MessageStore#claim}. */
    public List<Send> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        String lock = jdbc.lockClause();
        return jdbc.tx(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT id FROM webhook_event WHERE status = 'PENDING'"
                    + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                    + " ORDER BY next_attempt_at, id LIMIT ? " + lock, now, now, limit); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            List<Send> mine = new ArrayList<>();
            for (String id : ids) {
                if (Jdbc.update(c, "UPDATE webhook_event SET lease_owner = ?, lease_until = ? WHERE id = ?"
                        + " AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)", owner, leaseUntil, id,
                        now) == 1) {
                    try (PreparedStatement ps = Jdbc.prepare(c, "SELECT e.id, e.webhook_id, e.type, e.payload, e.attempts,"
                            + " e.status, e.last_error, e.created_at, e.replayed, w.url, w.secret FROM webhook_event e"
                            + " JOIN webhook w ON w.id = e.webhook_id WHERE e.id = ?", id); ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            mine.add(new Send(event(rs), rs.getString("url"), rs.getString("secret")));
                        }
                    }
                }
            }
            return mine;
        });
    }

    /** The endpoint accepted the event. */
    public void sent(String owner, String id, Instant at) {
        jdbc.tx(c -> Jdbc.update(c, "UPDATE webhook_event SET status = 'SENT', sent_at = ?, attempts = attempts + 1,"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'PENDING'", at, id, owner));
    }

    /** A send failed: try again at {@code retryAt}, or dead-letter it when {@code retryAt} is null. */
    public void failed(String owner, String id, String error, Instant retryAt) {
        String e = error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.tx(c -> retryAt == null
                ? Jdbc.update(c, "UPDATE webhook_event SET status = 'DEAD', attempts = attempts + 1, last_error = ?,"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'PENDING'", e, id, owner)
                : Jdbc.update(c, "UPDATE webhook_event SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'PENDING'", e, retryAt, id,
                owner));
    }

    /** Dead-lettered events of a client's webhooks, newest first. */
    public List<WebhookEvent> deadLetters(String clientId, long offset, int limit) {
        return jdbc.tx(c -> {
            List<WebhookEvent> out = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT " + prefixed() + " FROM webhook_event e JOIN webhook w"
                    + " ON w.id = e.webhook_id WHERE w.client_id = ? AND e.status = 'DEAD'"
                    + " ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?", clientId, limit, offset);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(event(rs));
                }
            }
            return out;
        });
    }

    public Optional<WebhookEvent> findEvent(String webhookId, String eventId) {
        return jdbc.tx(c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT " + EVENT_COLUMNS + " FROM webhook_event WHERE id = ?"
                    + " AND webhook_id = ?", eventId, webhookId); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(event(rs)) : Optional.<WebhookEvent>empty();
            }
        });
    }

    /** Queues a dead letter again with its id; attempts start over. False when it is not dead (any more). */
    public boolean replay(String eventId, Instant now) {
        return jdbc.tx(c -> Jdbc.update(c, "UPDATE webhook_event SET status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " replayed = ? WHERE id = ? AND status = 'DEAD'", now, true, eventId) == 1);
    }

    private static String prefixed() {
        return "e." + EVENT_COLUMNS.replace(", ", ", e.");
    }

    private static WebhookEvent event(ResultSet rs) throws SQLException {
        return new WebhookEvent(rs.getString("id"), rs.getString("webhook_id"), rs.getString("type"),
                rs.getString("payload"), rs.getInt("attempts"), rs.getString("status"), rs.getString("last_error"),
                Jdbc.instant(rs, "created_at"), rs.getBoolean("replayed"));
    }

}
