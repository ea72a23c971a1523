package io.jeda.relay.persistence;

import io.jeda.common.sql.SqlErrors;
import io.jeda.relay.domain.DeliveryPlan;
import io.jeda.relay.domain.DueDelivery;
import io.jeda.relay.domain.Emails;
import io.jeda.relay.domain.Events;
import io.jeda.relay.domain.Message;
import io.jeda.relay.domain.MessageDraft;
import io.jeda.relay.domain.MessageState;
import io.jeda.relay.domain.SubmitOutcome;
import io.jeda.relay.domain.Urgency;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Messages and their scheduled steps. Every write that decides something (stored or replayed,
 * delivered or already done) returns the decision from the transaction that made it.
 */
@Singleton
public class MessageStore {

    private static final String COLUMNS = "id, client_id, client_reference, recipient_nip, urgency, subject, body, "
            + "webhook_id, handler_nip, handler_reason, deliver_at, respond_by, degraded, reasons, time_zone, chain, "
            + "state, current_handler, escalation_count, created_at, delivered_at, acknowledged_at, resolved_at, recipient_roster";

    private final Jdbc jdbc;

    public MessageStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new message with its first step: a delivery at {@code deliver_at}, or, when the plan
     * is degraded, another question to the reachability engine after {@code retry}. The same client's
     * same reference answers with the first message.
     */
    public SubmitOutcome submit(MessageDraft d, DeliveryPlan plan, Instant now, Duration retry) {
        if (d.clientReference() != null) {
            Optional<Message> earlier = findByReference(d.clientId(), d.clientReference());
            if (earlier.isPresent()) {
                return new SubmitOutcome.Replayed(earlier.get());
            }
        }
        String id = UUID.randomUUID().toString();
        try {
            return jdbc.tx(c -> {
                Jdbc.update(c, "INSERT INTO message (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        id, d.clientId(), d.clientReference(), d.recipient(), d.urgency().name(), d.subject(), d.text(),
                        d.webhookId(), plan.handler(), plan.handlerReason(), plan.deliverAt(), plan.respondBy(),
                        plan.degraded(), String.join("\n", plan.reasons()), plan.timeZone(),
                        String.join(",", plan.chain()), MessageState.HELD.name(), null, 0, now, null, null, null, d.roster());
                schedule(c, id, plan, now, retry);
                return new SubmitOutcome.Stored(load(c, id).orElseThrow());
            });
        } catch (Jdbc.StoreException e) {
            if (d.clientReference() != null && SqlErrors.isDuplicateKey(e, "uk_message_reference")) {
                // Two retries raced: the other one's message is the answer.
                return new SubmitOutcome.Replayed(findByReference(d.clientId(), d.clientReference()).orElseThrow());
            }
            throw e;
        }
    }

    private static void schedule(Connection c, String messageId, DeliveryPlan plan, Instant now, Duration retry)
            throws SQLException {
        if (plan.deliverAt() == null) {
            insertStep(c, messageId, DueDelivery.Kind.RESOLVE, 0, null, now.plus(retry));
        } else {
            insertStep(c, messageId, DueDelivery.Kind.DELIVER, 0, plan.chain().get(0), plan.deliverAt());
        }
    }

    private static void insertStep(Connection c, String messageId, DueDelivery.Kind kind, int step, String to,
                                   Instant due) throws SQLException {
        Jdbc.update(c, "INSERT INTO delivery (message_id, kind, step, recipient_nip, due_at, status) "
                + "VALUES (?,?,?,?,?,'PENDING')", messageId, kind.name(), step, to, due);
    }

    public Optional<Message> find(String id) {
        return jdbc.tx(c -> load(c, id));
    }

    /** The client's message with this reference, if it sent one. */
    public Optional<Message> findByReference(String clientId, String reference) {
        return jdbc.tx(c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT " + COLUMNS
                    + " FROM message WHERE client_id = ? AND client_reference = ?", clientId, reference);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.<Message>empty();
            }
        });
    }

    /** A client's messages, newest first. */
    public List<Message> listByClient(String clientId, long offset, int limit) {
        return list("client_id = ?", clientId, offset, limit);
    }

    /** The messages an officer received or handles, newest first. */
    public List<Message> listByOfficer(String nip, long offset, int limit) {
        return jdbc.tx(c -> query(c, "SELECT " + COLUMNS + " FROM message WHERE recipient_nip = ? OR current_handler = ?"
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", nip, nip, limit, offset));
    }

    private List<Message> list(String where, String value, long offset, int limit) {
        return jdbc.tx(c -> query(c, "SELECT " + COLUMNS + " FROM message WHERE " + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", value, limit, offset));
    }

    /**
     * Writes an officer's acknowledgement or resolution, decided by {@code decide} on the row as
     * locked now; a pending escalation of an acknowledged message is cancelled in the same commit.
     */
    public Message officerMove(String id, java.util.function.UnaryOperator<Message> decide) {
        return jdbc.tx(c -> {
            Message before = loadForUpdate(c, id).orElseThrow(() -> notFound(id));
            Message after = decide.apply(before);
            if (after != before) {
                Jdbc.update(c, "UPDATE message SET state = ?, current_handler = ?, acknowledged_at = ?, resolved_at = ?"
                                + " WHERE id = ?", after.state().name(), after.currentHandler(), after.acknowledgedAt(),
                        after.resolvedAt(), id);
                Jdbc.update(c, "UPDATE delivery SET status = 'CANCELLED' WHERE message_id = ? AND status = 'PENDING'", id);
                if (after.webhookId() != null) {
                    boolean resolved = after.state() == MessageState.RESOLVED;
                    Instant at = resolved ? after.resolvedAt() : after.acknowledgedAt();
                    String type = resolved ? Events.RESOLVED : Events.ACKNOWLEDGED;
                    queue(c, after.webhookId(), type, Events.officerMove(type, after, after.currentHandler(), at), at);
                }
            }
            return after;
        });
    }

    private static io.jeda.common.error.JedaException notFound(String id) {
        return io.jeda.common.error.JedaException.notFound("message", "messages/" + id);
    }

    /**
     * Claims up to {@code limit} due steps for {@code owner} until {@code leaseUntil}. Rows another
     * replica has locked are skipped (MySQL/MariaDB); rows whose lease ran out are taken over.
     */
    public List<DueDelivery> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        String lock = jdbc.lockClause();
        return jdbc.tx(c -> {
            List<DueDelivery> claimed = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT id, message_id, kind, step, recipient_nip, due_at"
                    + " FROM delivery WHERE status = 'PENDING' AND due_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                    + " ORDER BY recipient_nip, due_at, id LIMIT ? " + lock, now, now, limit);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new DueDelivery(rs.getLong("id"), rs.getString("message_id"),
                            DueDelivery.Kind.valueOf(rs.getString("kind")), rs.getInt("step"),
                            rs.getString("recipient_nip"), Jdbc.instant(rs, "due_at")));
                }
            }
            List<DueDelivery> mine = new ArrayList<>();
            for (DueDelivery d : claimed) {
                // On H2 the row was waited for, not skipped: take it only if it is still free.
                if (Jdbc.update(c, "UPDATE delivery SET lease_owner = ?, lease_until = ? WHERE id = ? AND status = 'PENDING'"
                        + " AND (lease_until IS NULL OR lease_until < ?)", owner, leaseUntil, d.id(), now) == 1) {
                    mine.add(d);
                }
            }
            return mine;
        });
    }

    /** Marks a claimed step done; false when its lease went to another worker or it is done already. */
    private static boolean complete(Connection c, String owner, long deliveryId, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE delivery SET status = 'DONE', done_by = ?, done_at = ? WHERE id = ?"
                + " AND status = 'PENDING' AND lease_owner = ?", owner, now, deliveryId, owner) == 1;
    }

    /**
     * Delivers ROUTINE messages for one officer together: every step still held by {@code owner} is
     * marked done, its message DELIVERED, and one digest event is queued per webhook. Returns the
     * messages delivered by this call (none when another worker got there first).
     */
    public List<Message> deliverDigest(String owner, String to, List<DueDelivery> steps, Instant now) {
        return jdbc.tx(c -> {
            List<Message> delivered = new ArrayList<>();
            for (DueDelivery d : steps) {
                if (complete(c, owner, d.id(), now)) {
                    Optional<Message> m = loadForUpdate(c, d.messageId());
                    if (m.isPresent() && m.get().state() == MessageState.HELD) {
                        Jdbc.update(c, "UPDATE message SET state = 'DELIVERED', current_handler = ?, delivered_at = ?"
                                + " WHERE id = ?", to, now, d.messageId());
                        delivered.add(load(c, d.messageId()).orElseThrow());
                    }
                }
            }
            delivered.stream().filter(m -> m.webhookId() != null).map(Message::webhookId).distinct().forEach(w -> {
                List<Message> forHook = delivered.stream().filter(m -> w.equals(m.webhookId())).toList();
                try {
                    queue(c, w, Events.DIGEST, Events.digest(to, forHook, now), now);
                } catch (SQLException e) {
                    throw new Jdbc.StoreException(e);
                }
            });
            // The officer's email channels: one mail per channel with that client's messages.
            for (String client : delivered.stream().map(Message::clientId).distinct().toList()) {
                List<Message> ofClient = delivered.stream().filter(m -> client.equals(m.clientId())).toList();
                for (String channel : emailChannels(c, client, to)) {
                    queue(c, channel, Events.DIGEST, Emails.digest(ofClient), now);
                }
            }
            return delivered;
        });
    }

    /**
     * Delivers one URGENT/EMERGENCY step: to the chain's person at {@code step}, recording an
     * escalation from the previous handler past step 0, and schedules the next step after
     * {@code ackTimeout}. A message acknowledged meanwhile is left alone. Returns the delivered
     * message, empty when nothing was done.
     */
    public Optional<Message> deliverStep(String owner, DueDelivery d, Instant now, Duration ackTimeout) {
        return jdbc.tx(c -> {
            if (!complete(c, owner, d.id(), now)) {
                return Optional.<Message>empty();
            }
            Message m = loadForUpdate(c, d.messageId()).orElseThrow();
            if (m.state() == MessageState.ACKNOWLEDGED || m.state() == MessageState.RESOLVED) {
                return Optional.<Message>empty();
            }
            List<String> chain = m.chain();
            String previous = m.currentHandler();
            if (d.step() > 0) {
                Jdbc.update(c, "INSERT INTO escalation_step (message_id, step, from_nip, to_nip, at) VALUES (?,?,?,?,?)",
                        m.id(), d.step(), previous == null ? "" : previous, d.recipient(), now);
            }
            if (d.recipient() == null) {
                // The chain is used up: say so once; nobody else is woken.
                Jdbc.update(c, "UPDATE message SET escalation_count = ? WHERE id = ?", d.step(), m.id());
                Message after = load(c, m.id()).orElseThrow();
                if (m.webhookId() != null) {
                    queue(c, m.webhookId(), Events.UNACKNOWLEDGED,
                            Events.delivery(Events.UNACKNOWLEDGED, after, previous, previous, d.step(), now), now);
                }
                return Optional.of(after);
            }
            Jdbc.update(c, "UPDATE message SET state = 'DELIVERED', current_handler = ?, delivered_at = ?,"
                    + " escalation_count = ? WHERE id = ?", d.recipient(), now, d.step(), m.id());
            Message after = load(c, m.id()).orElseThrow();
            if (m.webhookId() != null) {
                String type = d.step() == 0 ? Events.DELIVERED : Events.ESCALATED;
                queue(c, m.webhookId(), type, Events.delivery(type, after, d.step() == 0 ? null : previous,
                        d.recipient(), d.step(), now), now);
            }
            for (String channel : emailChannels(c, m.clientId(), d.recipient())) {
                queue(c, channel, d.step() == 0 ? Events.DELIVERED : Events.ESCALATED,
                        Emails.delivery(after, d.step() == 0 ? null : previous), now);
            }
            if (m.urgency().escalates()) {
                int next = d.step() + 1;
                insertStep(c, m.id(), DueDelivery.Kind.DELIVER, next, next < chain.size() ? chain.get(next) : null,
                        now.plus(ackTimeout));
            }
            return Optional.of(after);
        });
    }

    /**
     * Records the plan made once the reachability engine answered a degraded submission: the reply
     * fields, and the delivery (or another question after {@code retry} if still degraded).
     */
    public Optional<Message> replan(String owner, DueDelivery d, DeliveryPlan plan, Instant now, Duration retry) {
        return jdbc.tx(c -> {
            if (!complete(c, owner, d.id(), now)) {
                return Optional.<Message>empty();
            }
            if (!plan.degraded()) {
                Jdbc.update(c, "UPDATE message SET handler_nip = ?, handler_reason = ?, deliver_at = ?, respond_by = ?,"
                                + " degraded = ?, reasons = ?, time_zone = ?, chain = ? WHERE id = ?", plan.handler(),
                        plan.handlerReason(), plan.deliverAt(), plan.respondBy(), false,
                        String.join("\n", plan.reasons()), plan.timeZone(), String.join(",", plan.chain()), d.messageId());
            }
            schedule(c, d.messageId(), plan, now, retry);
            Message m = load(c, d.messageId()).orElseThrow();
            if (!plan.degraded() && m.webhookId() != null) {
                queue(c, m.webhookId(), Events.SCHEDULED, Events.scheduled(m, plan, now), now);
            }
            return Optional.of(m);
        });
    }

    /** The escalation steps of a message, in order: "from>to" (to empty when the chain was used up). */
    public List<String> escalationSteps(String messageId) {
        return jdbc.tx(c -> {
            List<String> steps = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT from_nip, to_nip FROM escalation_step WHERE message_id = ?"
                    + " ORDER BY step", messageId); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString(1) + ">" + (rs.getString(2) == null ? "" : rs.getString(2)));
                }
            }
            return steps;
        });
    }

    /**
     * How many messages addressed to each officer and submitted in [from, to) were held (their
     * delivery time later than their submission), in one grouped query per 500 officers on the
     * recipient index. Officers with none are absent.
     */
    public java.util.Map<String, Integer> heldCounts(List<String> nips, Instant from, Instant to) {
        return jdbc.tx(c -> {
            java.util.Map<String, Integer> out = new java.util.HashMap<>();
            for (int i = 0; i < nips.size(); i += 500) {
                List<String> chunk = nips.subList(i, Math.min(nips.size(), i + 500));
                List<Object> args = new ArrayList<>(chunk);
                args.add(from);
                args.add(to);
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = Jdbc.prepare(c, "SELECT recipient_nip, COUNT(*) FROM message"
                        + " WHERE recipient_nip IN (" + marks + ") AND created_at >= ? AND created_at < ?"
                        + " AND deliver_at > created_at GROUP BY recipient_nip", args.toArray());
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Counts for the meters: "held" messages, due "delivery" steps and "send" events no live lease
     * holds, and "dead" events.
     */
    public java.util.Map<String, Long> backlog(Instant now) {
        return jdbc.tx(c -> {
            java.util.Map<String, Long> out = new java.util.HashMap<>();
            out.put("held", countOf(c, "SELECT COUNT(*) FROM message WHERE state = 'HELD'"));
            out.put("delivery", countOf(c, "SELECT COUNT(*) FROM delivery WHERE status = 'PENDING' AND due_at <= ?"
                    + " AND (lease_until IS NULL OR lease_until < ?)", now, now));
            out.put("send", countOf(c, "SELECT COUNT(*) FROM webhook_event WHERE status = 'PENDING' AND next_attempt_at <= ?"
                    + " AND (lease_until IS NULL OR lease_until < ?)", now, now));
            out.put("dead", countOf(c, "SELECT COUNT(*) FROM webhook_event WHERE status = 'DEAD'"));
            return out;
        });
    }

    private static long countOf(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The ids of the client's email channels for the officer. */
    private static List<String> emailChannels(Connection c, String clientId, String nip) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, "SELECT id FROM webhook WHERE officer_nip = ? AND client_id = ?"
                + " AND removed_at IS NULL ORDER BY id", nip, clientId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Queues an event for the webhook; nothing when the webhook was removed. */
    static void queue(Connection c, String webhookId, String type, String payload, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO webhook_event (id, webhook_id, type, payload, status, attempts, next_attempt_at,"
                        + " created_at, replayed) SELECT ?, id, ?, ?, 'PENDING', 0, ?, ?, ? FROM webhook"
                        + " WHERE id = ? AND removed_at IS NULL",
                "msg_" + UUID.randomUUID().toString().replace("-", ""), type, payload, now, now, false, webhookId);
    }

    private Optional<Message> load(Connection c, String id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM message WHERE id = ?", id);
    }

    private Optional<Message> loadForUpdate(Connection c, String id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM message WHERE id = ? FOR UPDATE", id);
    }

    private Optional<Message> one(Connection c, String sql, Object... args) throws SQLException {
        List<Message> l = query(c, sql, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private List<Message> query(Connection c, String sql, Object... args) throws SQLException {
        List<Message> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static Message map(ResultSet rs) throws SQLException {
        String reasons = rs.getString("reasons");
        DeliveryPlan plan = new DeliveryPlan(rs.getString("handler_nip"), rs.getString("handler_reason"),
                Jdbc.instant(rs, "deliver_at"), Jdbc.instant(rs, "respond_by"),
                Arrays.asList(rs.getString("chain").split(",")), rs.getBoolean("degraded"),
                reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")), rs.getString("time_zone"));
        return new Message(rs.getString("id"), rs.getString("client_id"), rs.getString("client_reference"),
                rs.getString("recipient_nip"), Urgency.valueOf(rs.getString("urgency")), rs.getString("subject"),
                rs.getString("body"), rs.getString("webhook_id"), plan, MessageState.valueOf(rs.getString("state")),
                rs.getString("current_handler"), rs.getInt("escalation_count"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "delivered_at"), Jdbc.instant(rs, "acknowledged_at"), Jdbc.instant(rs, "resolved_at"),
                rs.getString("recipient_roster"));
    }
}
