package io.jeda.relay.app;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.relay.domain.DeliveryPlan;
import io.jeda.relay.domain.Dispatch;
import io.jeda.relay.domain.ManagerLookup;
import io.jeda.relay.domain.OnCall;
import io.jeda.relay.domain.RosterLookup;
import io.jeda.relay.domain.Message;
import io.jeda.relay.domain.MessageDraft;
import io.jeda.relay.domain.Reachability;
import io.jeda.relay.domain.ReachabilityLookup;
import io.jeda.relay.domain.SubmitOutcome;
import io.jeda.relay.persistence.MessageStore;
import io.jeda.relay.persistence.WebhookStore;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Submitting, reading, acknowledging and resolving messages, with who may do which. */
@Singleton
public class MessageUseCases {

    private final MessageStore messages;
    private final WebhookStore webhooks;
    private final ReachabilityLookup reachability;
    private final ManagerLookup managers;
    private final RosterLookup rosters;
    private final RelaySettings settings;
    private final RelayClock clock;

    public MessageUseCases(MessageStore messages, WebhookStore webhooks, ReachabilityLookup reachability,
                           ManagerLookup managers, RosterLookup rosters, RelaySettings settings, RelayClock clock) {
        this.managers = managers;
        this.rosters = rosters;
        this.messages = messages;
        this.webhooks = webhooks;
        this.reachability = reachability;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Stores the message and answers with the automatic reply. A repeated reference is answered from
     * the store before the reachability engine is asked, so a retry costs no question and no new reply.
     */
    public SubmitOutcome submit(Caller caller, MessageDraft draft) {
        requireAgency(caller);
        draft.checked(settings.maxSubjectChars, settings.maxTextChars);
        if (draft.webhookId() != null) {
            // Only the caller's own webhook: reports must not go to another agency's endpoint.
            webhooks.find(draft.webhookId()).filter(w -> w.clientId().equals(caller.subject()))
                    .orElseThrow(() -> JedaException.notFound("webhook", "webhooks/" + draft.webhookId()));
        }
        if (draft.clientReference() != null) {
            Optional<Message> earlier = messages.findByReference(caller.subject(), draft.clientReference());
            if (earlier.isPresent()) {
                return new SubmitOutcome.Replayed(earlier.get());
            }
        }
        Instant now = clock.now();
        OnCall onCall = draft.roster() == null ? null : onCall(draft.roster(), now);
        // For a function, whoever is on call now is the recipient; the backup follows in the chain.
        MessageDraft addressed = onCall == null ? draft : draft.toOfficer(onCall.primary());
        Optional<Reachability> answer = reachability.ask(addressed.recipient(), addressed.urgency(),
                clock.moved() ? now : null);
        DeliveryPlan plan = Dispatch.plan(addressed.recipient(), addressed.urgency(), answer, manager(addressed.urgency(),
                addressed.recipient(), answer.isPresent()), now, settings.maxChain);
        if (onCall != null) {
            plan = Dispatch.viaRoster(plan, onCall, addressed.urgency(), settings.maxChain);
        }
        return messages.submit(addressed, plan, now, settings.resolveRetry);
    }

    private OnCall onCall(String rosterId, Instant now) {
        return rosters.onCall(rosterId, now).orElseThrow(() -> JedaException.of(ErrorKind.UNAVAILABLE,
                "POLICY_UNAVAILABLE", "who is on call for rosters/" + rosterId + " is not known now; try again shortly",
                "recipient", "rosters/" + rosterId));
    }

    /** The manager ends an escalation chain; ROUTINE never escalates and a degraded plan is made again later. */
    private Optional<String> manager(io.jeda.relay.domain.Urgency urgency, String recipient, boolean answered) {
        return urgency.escalates() && answered ? managers.managerOf(recipient) : Optional.empty();
    }

    public Message get(Caller caller, String id) {
        Message m = messages.find(id).orElseThrow(() -> JedaException.notFound("message", "messages/" + id));
        if (caller.isPrivileged() || (caller.has(Role.AGENCY) && m.clientId().equals(caller.subject()))
                || ((caller.has(Role.OFFICER) || caller.has(Role.MANAGER)) && m.concerns(caller.subject()))) {
            return m;
        }
        // Someone else's message is answered as missing: its existence is not the caller's business.
        throw JedaException.notFound("message", "messages/" + id);
    }

    /** An agency's submitted messages, or an officer's received and handled ones, newest first. */
    public List<Message> list(Caller caller, long offset, int limit) {
        if (caller.has(Role.AGENCY)) {
            return messages.listByClient(caller.subject(), offset, limit);
        }
        if (caller.has(Role.OFFICER) || caller.has(Role.MANAGER)) {
            return messages.listByOfficer(caller.subject(), offset, limit);
        }
        throw JedaException.permissionDenied("ROLE_NOT_ALLOWED", "only agency clients and officers have messages",
                "subject", caller.subject());
    }

    public Message acknowledge(Caller caller, String id) {
        requireOfficer(caller);
        get(caller, id);
        Instant now = clock.now();
        return messages.officerMove(id, m -> m.acknowledge(caller.subject(), now));
    }

    public Message resolve(Caller caller, String id) {
        requireOfficer(caller);
        get(caller, id);
        Instant now = clock.now();
        return messages.officerMove(id, m -> m.resolve(caller.subject(), now));
    }

    static void requireAgency(Caller caller) {
        if (!caller.has(Role.AGENCY)) {
            throw JedaException.permissionDenied("AGENCY_REQUIRED", "only agency clients hand messages to Jeda",
                    "subject", caller.subject());
        }
    }

    private static void requireOfficer(Caller caller) {
        if (!caller.has(Role.OFFICER) && !caller.has(Role.MANAGER)) {
            throw JedaException.permissionDenied("OFFICER_REQUIRED", "only the officer who holds a message may do this",
                    "subject", caller.subject());
        }
    }
}
