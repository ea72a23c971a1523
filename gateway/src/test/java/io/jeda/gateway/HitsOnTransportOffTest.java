package io.jeda.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** With JEDA_GATEWAY_HITS_ON_TRANSPORT=false every call takes a pool thread: the cached answer waits its turn. */
class HitsOnTransportOffTest extends HitsOnTransportTest {

    @Override
    boolean hitsOnTransport() {
        return false;
    }

    @Test
    @Override
    void aCachedAnswerDoesNotQueueBehindQuestionsWaitingForPolicyService() throws Exception {
        Duration took = cachedAnswerWhileThePoolWaits();
        assertTrue(took.compareTo(Duration.ofMillis(1000)) >= 0,
                "with the setting off the cached answer queues behind the slow questions, took " + took);
    }
}
