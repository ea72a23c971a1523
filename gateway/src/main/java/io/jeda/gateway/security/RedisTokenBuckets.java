package io.jeda.gateway.security;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets kept in Redis, so that every gateway replica draws from the same budget per client.
 * One atomic Lua script per request refills the bucket from Redis's own clock (the replicas' clocks
 * never enter) and takes a token. Every command has a short timeout; while Redis is down or slow the
 * buckets report {@link Unavailable} at once (without waiting for a timeout each time) for the retry
 * interval, and a background thread reconnects.
 */
final class RedisTokenBuckets implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTokenBuckets.class);

    /** KEYS[1] the bucket; ARGV rate (tokens per ms), capacity; returns 0 (taken), ms to wait, or -1 (never). */
    static final String SCRIPT = """
            local rate = tonumber(ARGV[1])
            local cap = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local b = redis.call('HMGET', KEYS[1], 't', 'n')
            local last = tonumber(b[1])
            local tokens = tonumber(b[2])
            if tokens == nil or last == nil then
              tokens = cap
              last = now
            end
            tokens = math.min(cap, tokens + math.max(0, now - last) * rate)
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            elseif rate <= 0 then
              wait = -1
            else
              wait = math.ceil((1 - tokens) / rate)
            end
            redis.call('HSET', KEYS[1], 't', now, 'n', tostring(tokens))
            local ttl = 86400000
            if rate > 0 then
              ttl = math.ceil(cap / rate) + 1000
            end
            redis.call('PEXPIRE', KEYS[1], ttl)
            return wait
            """;

    /** Redis did not answer in time or is not connected. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private final RedisClient client;
    private final String keyPrefix;
    private final Duration retryInterval;
    private final ScheduledExecutorService reconnector;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile String sha;
    /** System.nanoTime before which Redis is not asked (it failed just now); 0: ask. */
    private volatile long downUntil;

    RedisTokenBuckets(String uri, Duration timeout, Duration retryInterval, String keyPrefix) {
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(timeout);
        this.client = RedisClient.create(redisUri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // A command while disconnected fails at once instead of queueing until Redis is back.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build());
        this.keyPrefix = keyPrefix;
        this.retryInterval = retryInterval;
        this.reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rate-limit-redis");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, retryInterval.toMillis());
        reconnector.scheduleWithFixedDelay(this::connectIfNeeded, 0, every, TimeUnit.MILLISECONDS);
    }

    private void connectIfNeeded() {
        if (connection != null) {
            return;
        }
        try {
            StatefulRedisConnection<String, String> c = client.connect();
            sha = c.sync().scriptLoad(SCRIPT);
            connection = c;
            downUntil = 0;
            LOG.info("rate limits: shared through Redis");
        } catch (RuntimeException e) {
            LOG.debug("rate limits: Redis not reachable: {}", e.toString());
        }
    }

    /** True once connected (the first connection is made in the background). */
    boolean connected() {
        StatefulRedisConnection<String, String> c = connection;
        return c != null && c.isOpen();
    }

    /**
     * Takes one token from the subject's shared bucket.
     *
     * @return 0 when taken, else the milliseconds until one is available (Long.MAX_VALUE / 2: never)
     * @throws Unavailable when Redis cannot answer now
     */
    long take(String subject, double ratePerSecond, double capacity) {
        StatefulRedisConnection<String, String> c = connection;
        long until = downUntil;
        if (c == null || (until != 0 && System.nanoTime() - until < 0)) {
            throw new Unavailable("Redis is not available", null);
        }
        RedisCommands<String, String> redis = c.sync();
        String[] keys = {keyPrefix + subject};
        String rate = Double.toString(ratePerSecond / 1000.0);
        String cap = Double.toString(capacity);
        try {
            Long wait;
            try {
                wait = redis.evalsha(sha, ScriptOutputType.INTEGER, keys, rate, cap);
            } catch (RedisNoScriptException e) {
                // Redis restarted and lost its scripts.
                sha = redis.scriptLoad(SCRIPT);
                wait = redis.evalsha(sha, ScriptOutputType.INTEGER, keys, rate, cap);
            }
            if (wait == null) {
                return 0;
            }
            return wait < 0 ? Long.MAX_VALUE / 2 : wait;
        } catch (RuntimeException e) {
            downUntil = System.nanoTime() + retryInterval.toNanos();
            throw new Unavailable("Redis failed: " + e, e);
        }
    }

    @Override
    public void close() {
        reconnector.shutdownNow();
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}
