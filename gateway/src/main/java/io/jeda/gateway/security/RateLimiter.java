package io.jeda.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.micronaut.context.env.Environment;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * A token bucket per caller (the token's subject), applied to gRPC and REST alike. Rate (requests
 * per second) and burst come from {@code jeda.gateway.rate-limits.default.*}, overridden per client
 * by {@code jeda.gateway.rate-limits.clients.<subject>.*}.
 * <p>
 * With {@code jeda.gateway.rate-limits.redis-uri} set, the buckets live in Redis and every replica
 * draws from the same budget ({@link RedisTokenBuckets}); when Redis does not answer within its short
 * timeout, {@code redis-failure} decides: LOCAL (the default) falls back to this replica's own
 * bucket, so a client is still limited, to at most n times its rate with n replicas; OPEN lets the
 * call through; CLOSED refuses it (UNAVAILABLE RATE_LIMIT_UNAVAILABLE). Without a URI (as in
 * {@code ./jeda up}) the buckets live in memory, per replica.
 */
@Singleton
public class RateLimiter {

    private final Environment environment;
    private final boolean enabled;
    private final double defaultRate;
    private final double defaultBurst;
    private final Cache<String, Bucket> buckets;
    private final RedisTokenBuckets shared;
    private final Failure onRedisFailure;
    private final java.util.concurrent.atomic.LongAdder redisFailures = new java.util.concurrent.atomic.LongAdder();

    /** What a call gets while the shared buckets cannot be read. */
    public enum Failure { LOCAL, OPEN, CLOSED }

    public RateLimiter(Environment environment,
                       @Value("${jeda.gateway.rate-limits.enabled:true}") boolean enabled,
                       @Value("${jeda.gateway.rate-limits.default.rate:100}") double defaultRate,
                       @Value("${jeda.gateway.rate-limits.default.burst:200}") double defaultBurst,
                       @Value("${jeda.gateway.rate-limits.max-clients:100000}") long maxClients,
                       @Value("${jeda.gateway.rate-limits.idle-expiry:10m}") Duration idleExpiry,
                       @Value("${jeda.gateway.rate-limits.redis-uri:}") String redisUri,
                       @Value("${jeda.gateway.rate-limits.redis-timeout:100ms}") Duration redisTimeout,
                       @Value("${jeda.gateway.rate-limits.redis-retry-interval:1s}") Duration redisRetry,
                       @Value("${jeda.gateway.rate-limits.redis-key-prefix:jeda:rate:}") String redisKeyPrefix,
                       @Value("${jeda.gateway.rate-limits.redis-failure:LOCAL}") Failure onRedisFailure) {
        this.environment = environment;
        this.enabled = enabled;
        this.defaultRate = defaultRate;
        this.defaultBurst = defaultBurst;
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(idleExpiry).build();
        this.onRedisFailure = onRedisFailure;
        this.shared = enabled && redisUri != null && !redisUri.isBlank()
                ? new RedisTokenBuckets(redisUri.strip(), redisTimeout, redisRetry, redisKeyPrefix) : null;
    }

    /** True when taking a token may wait on the network (the buckets are shared through Redis). */
    public boolean mayWait() {
        return shared != null;
    }

    /** True when the buckets are shared through Redis and Redis is connected. */
    public boolean sharedConnected() {
        return shared != null && shared.connected();
    }

    /** Calls for which Redis could not be asked. */
    public long redisFailures() {
        return redisFailures.sum();
    }

    /** Closes the connection to Redis, if any. */
    @jakarta.annotation.PreDestroy
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }

    /**
     * Takes one token for the caller.
     *
     * @throws JedaException RESOURCE_EXHAUSTED (RATE_LIMITED, metadata retry_after_ms) when the bucket is empty
     */
    public void acquire(String subject) {
        if (!enabled) {
            return;
        }
        Bucket b = buckets.get(subject, this::bucketFor);
        long waitMs;
        if (shared == null) {
            waitMs = b.take();
        } else {
            try {
                waitMs = shared.take(subject, b.ratePerNano * 1e9, b.capacity);
            } catch (RedisTokenBuckets.Unavailable e) {
                redisFailures.increment();
                switch (onRedisFailure) {
                    case OPEN -> waitMs = 0;
                    case CLOSED -> throw JedaException.of(ErrorKind.UNAVAILABLE, "RATE_LIMIT_UNAVAILABLE",
                            "the shared rate limit cannot be checked now; retry shortly", "subject", subject);
                    default -> waitMs = b.take();
                }
            }
        }
        if (waitMs > 0) {
            throw JedaException.of(ErrorKind.RESOURCE_EXHAUSTED, "RATE_LIMITED",
                    "too many requests from " + subject + "; retry after " + waitMs + " ms",
                    "retry_after_ms", String.valueOf(waitMs), "subject", subject);
        }
    }

    private Bucket bucketFor(String subject) {
        String prefix = "jeda.gateway.rate-limits.clients." + subject;
        double rate = environment.getProperty(prefix + ".rate", Double.class).orElse(defaultRate);
        double burst = environment.getProperty(prefix + ".burst", Double.class).orElse(defaultBurst);
        return new Bucket(rate, Math.max(1, burst));
    }

    /** Classic token bucket; refilled lazily from the monotonic clock. */
    static final class Bucket {
        private final double ratePerNano;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(double ratePerSecond, double capacity) {
            this.ratePerNano = ratePerSecond / 1e9;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        /** 0 when a token was taken, else the milliseconds until one is available. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            if (ratePerNano <= 0) {
                return Long.MAX_VALUE / 2;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerNano / 1e6));
        }
    }
}
