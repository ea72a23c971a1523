package io.jeda.relay.grpc;

import com.google.protobuf.Timestamp;
import io.jeda.common.grpc.ProtoEnums;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.RosterName;
import io.jeda.common.names.ResourceNames;
import io.jeda.relay.domain.Message;
import io.jeda.relay.domain.MessageDraft;
import io.jeda.relay.domain.Webhook;
import io.jeda.relay.domain.WebhookEvent;
import io.jeda.relay.v1.AutomaticReply;
import io.jeda.relay.v1.DeadLetter;
import io.jeda.relay.v1.MessageState;
import io.jeda.relay.v1.SubmitMessageRequest;
import io.jeda.relay.v1.Urgency;

import java.time.Instant;

/** The one place that knows both the relay protos and the domain types. */
final class RelayMapper {

    static final String MESSAGE = "messages/{message_id}";
    static final String WEBHOOK = "webhooks/{webhook_id}";
    static final String EVENT = "webhooks/{webhook_id}/events/{event_id}";

    private RelayMapper() {
    }

    static MessageDraft draft(String clientId, SubmitMessageRequest r) {
        String roster = r.getRecipient().startsWith("rosters/")
                ? RosterName.parse(r.getRecipient(), "recipient").rosterId() : null;
        String nip = roster != null ? null : OfficerName.parse(r.getRecipient(), "recipient").nip();
        io.jeda.relay.domain.Urgency urgency = ProtoEnums.toDomain(r.getUrgency(), io.jeda.relay.domain.Urgency.class,
                "urgency");
        String webhook = r.getWebhook().isEmpty() ? null : ResourceNames.parse(r.getWebhook(), WEBHOOK, "webhook")[0];
        String reference = r.getClientReference().isEmpty() ? null : r.getClientReference();
        return new MessageDraft(clientId, nip, urgency, r.getSubject(), r.getText(), reference, webhook, roster);
    }

    static String messageId(String name) {
        return ResourceNames.parse(name, MESSAGE, "name")[0];
    }

    static String webhookId(String name) {
        return ResourceNames.parse(name, WEBHOOK, "name")[0];
    }

    static String[] eventIds(String name) {
        return ResourceNames.parse(name, EVENT, "name");
    }

    static io.jeda.relay.v1.Message message(Message m) {
        AutomaticReply.Builder reply = AutomaticReply.newBuilder()
                .setHandlerReason(m.plan().handlerReason())
                .setDegraded(m.plan().degraded())
                .addAllReasons(m.plan().reasons())
                .setTimeZone(m.plan().timeZone());
        if (m.plan().handler() != null) {
            reply.setHandler(OfficerName.of(m.plan().handler()).toString());
        }
        if (m.plan().deliverAt() != null) {
            reply.setDeliverAt(ts(m.plan().deliverAt()));
        }
        if (m.plan().respondBy() != null) {
            reply.setRespondBy(ts(m.plan().respondBy()));
        }
        io.jeda.relay.v1.Message.Builder b = io.jeda.relay.v1.Message.newBuilder()
                .setName("messages/" + m.id())
                .setRecipient(m.roster() != null ? RosterName.of(m.roster()).toString() : OfficerName.of(m.recipient()).toString())
                .setUrgency(ProtoEnums.ofShortName(Urgency.class, m.urgency().name()))
                .setSubject(m.subject())
                .setText(m.text())
                .setClientReference(m.clientReference() == null ? "" : m.clientReference())
                .setWebhook(m.webhookId() == null ? "" : "webhooks/" + m.webhookId())
                .setReply(reply)
                .setState(ProtoEnums.ofShortName(MessageState.class, m.state().name()))
                .setCurrentHandler(m.currentHandler() == null ? "" : OfficerName.of(m.currentHandler()).toString())
                .setEscalationCount(m.escalationCount())
                .setCreateTime(ts(m.createdAt()));
        if (m.deliveredAt() != null) {
            b.setDeliverTime(ts(m.deliveredAt()));
        }
        if (m.acknowledgedAt() != null) {
            b.setAcknowledgeTime(ts(m.acknowledgedAt()));
        }
        if (m.resolvedAt() != null) {
            b.setResolveTime(ts(m.resolvedAt()));
        }
        return b.build();
    }

    /** A webhook; the secret only when {@code withSecret} (register and rotate answers). */
    static io.jeda.relay.v1.Webhook webhook(Webhook w, boolean withSecret) {
        return io.jeda.relay.v1.Webhook.newBuilder().setName("webhooks/" + w.id()).setUrl(w.url())
                .setSecret(withSecret ? w.secret() : "").setSecretTime(ts(w.secretTime())).build();
    }

    static DeadLetter deadLetter(WebhookEvent e) {
        return DeadLetter.newBuilder().setName("webhooks/" + e.webhookId() + "/events/" + e.id()).setType(e.type())
                .setPayload(e.payload()).setAttempts(e.attempts())
                .setLastError(e.lastError() == null ? "" : e.lastError()).setCreateTime(ts(e.createdAt()))
                .setReplayed(e.replayed()).build();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }
}
