package io.jeda.relay.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, from the reachability answer, who handles a message and when it is delivered. The rule
 * never delivers earlier than the answer allows: a message not reachable now waits for
 * {@code next_reachable_at}; ROUTINE never goes to someone else, since holding it is the point.
 */
public final class Dispatch {

    private Dispatch() {
    }

    /**
     * @param recipient    the NIP the message is for
     * @param urgency      its urgency
     * @param answer       the reachability answer, empty when the engine did not answer in time
     * @param manager      the recipient's direct manager, the last in an escalation chain (empty when unknown)
     * @param now          the instant of submission
     * @param maxChain     most people a message is escalated along (at least 1)
     */
    public static DeliveryPlan plan(String recipient, Urgency urgency, Optional<Reachability> answer,
                                    Optional<String> manager, Instant now, int maxChain) {
        if (answer.isEmpty()) {
            return new DeliveryPlan(null, "", null, null, List.of(recipient), true,
                    List.of("The reachability engine did not answer in time; the message is stored and its delivery "
                            + "time will be reported through the webhook."), "");
        }
        Reachability r = answer.get();
        List<String> reasons = new ArrayList<>(r.reasons());
        if (r.reachable()) {
            return new DeliveryPlan(recipient, "", now, r.respondBy(), chain(recipient, urgency, r, manager, maxChain),
                    false, reasons, r.timeZone());
        }
        Reachability other = r.contactInstead();
        if (urgency.escalates() && other != null && other.reachable() && !other.nip().equals(recipient)) {
            String why = "The recipient cannot be reached for " + urgency + " now; " + other.nip()
                    + " is reachable instead.";
            reasons.add(why);
            return new DeliveryPlan(other.nip(), why, now, r.respondBy(), chain(other.nip(), urgency, r, manager, maxChain),
                    false, reasons, r.timeZone());
        }
        Instant at = r.nextReachableAt();
        if (at == null) {
            // Not reachable and no time known: hold it, as a degraded answer would, and ask again later.
            reasons.add("No time is known yet when the recipient may be reached.");
            return new DeliveryPlan(null, "", null, r.respondBy(), List.of(recipient), true, reasons, r.timeZone());
        }
        Instant deliverAt = at.isBefore(now) ? now : at;
        return new DeliveryPlan(recipient, "", deliverAt, r.respondBy(), chain(recipient, urgency, r, manager, maxChain),
                false, reasons, r.timeZone());
    }

    /**
     * The handler first, then the others the answer names, then the recipient's manager; no one
     * twice, at most {@code max}.
     */
    private static List<String> chain(String first, Urgency urgency, Reachability r, Optional<String> manager,
                                      int max) {
        List<String> chain = new ArrayList<>();
        chain.add(first);
        if (urgency.escalates()) {
            if (r.contactInstead() != null) {
                add(chain, r.contactInstead().nip());
            }
            // EMERGENCY may wake the recipient themself once the people on duty did not answer.
            if (urgency == Urgency.EMERGENCY) {
                add(chain, r.nip());
            }
            manager.ifPresent(m -> add(chain, m));
        }
        return List.copyOf(chain.subList(0, Math.min(Math.max(1, max), chain.size())));
    }

    private static void add(List<String> chain, String nip) {
        if (nip != null && !nip.isBlank() && !chain.contains(nip)) {
            chain.add(nip);
        }
    }

    /**
     * The plan of a message sent to a roster, made for the officer on call: the backup comes right
     * after the first handler in an escalation chain, and the reply says who is on call for which function.
     */
    public static DeliveryPlan viaRoster(DeliveryPlan plan, OnCall onCall, Urgency urgency, int maxChain) {
        String function = onCall.displayName().isBlank() ? "rosters/" + onCall.rosterId() : onCall.displayName();
        List<String> reasons = new ArrayList<>(plan.reasons());
        reasons.add(0, function + ": " + onCall.primary() + " is on call now"
                + (onCall.backup() == null ? "." : ", " + onCall.backup() + " is the backup."));
        if (plan.degraded()) {
            return new DeliveryPlan(plan.handler(), plan.handlerReason(), plan.deliverAt(), plan.respondBy(), plan.chain(),
                    true, reasons, plan.timeZone());
        }
        List<String> chain = new ArrayList<>();
        chain.add(plan.chain().get(0));
        if (urgency.escalates()) {
            add(chain, onCall.backup());
            plan.chain().forEach(n -> add(chain, n));
        }
        String why = plan.handlerReason().isEmpty() && onCall.primary().equals(plan.handler())
                ? "Sent to " + function + "; " + onCall.primary() + " is on call." : plan.handlerReason();
        return new DeliveryPlan(plan.handler(), why, plan.deliverAt(), plan.respondBy(),
                chain.subList(0, Math.min(Math.max(1, maxChain), chain.size())), false, reasons, plan.timeZone());
    }
}
