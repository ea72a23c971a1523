package io.jeda.relay.domain;

import java.time.Instant;
import java.util.List;

/**
 * The automatic reply and the delivery schedule decided for a message.
 *
 * @param handler       who will handle the message first (null when degraded)
 * @param handlerReason why the handler is not the recipient ("" when it is)
 * @param deliverAt     when the first delivery is due (null when degraded: not known yet)
 * @param respondBy     the response deadline of the urgency (null when degraded)
 * @param chain         the people, in order, a URGENT/EMERGENCY message is escalated along;
 *                      the first is the handler; ROUTINE has only the recipient
 * @param degraded      true when the reachability engine did not answer
 * @param reasons       sentences for the person who asked
 * @param timeZone      IANA zone of the recipient's unit ("" when unknown)
 */
public record DeliveryPlan(String handler, String handlerReason, Instant deliverAt, Instant respondBy,
                           List<String> chain, boolean degraded, List<String> reasons, String timeZone) {

    public DeliveryPlan {
        chain = List.copyOf(chain);
        reasons = List.copyOf(reasons);
    }
}
