package io.jeda.policy.app.changes;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * The change feed's settings ({@code jeda.policy.change-feed.*}).
 *
 * @param pollInterval      how often the outbox is read for new changes (each replica reads it)
 * @param heartbeatInterval how often a quiet stream gets a heartbeat
 * @param gapWait           how long a missing sequence number is waited for before the changes
 *                          after it are sent anyway (a transaction still in flight holds it; a
 *                          rolled-back one never fills it)
 * @param retention         how long changes stay in the outbox; a caller away longer is reset
 * @param cleanupInterval   how often changes older than the retention are deleted
 * @param maxReplay         the most changes replayed to a returning caller; further behind, it is
 *                          reset instead (dropping its caches is cheaper than the replay)
 */
@ConfigurationProperties("jeda.policy.change-feed")
public record ChangeFeedSettings(Duration pollInterval, Duration heartbeatInterval, Duration gapWait,
                                 Duration retention, Duration cleanupInterval, int maxReplay) {

    public ChangeFeedSettings {
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(5) : heartbeatInterval;
        gapWait = gapWait == null ? Duration.ofMillis(500) : gapWait;
        retention = retention == null ? Duration.ofDays(1) : retention;
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(5) : cleanupInterval;
        maxReplay = maxReplay <= 0 ? 10_000 : maxReplay;
    }
}
