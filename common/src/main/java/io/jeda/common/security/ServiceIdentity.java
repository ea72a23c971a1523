package io.jeda.common.security;

import io.grpc.CallCredentials;
import io.jeda.common.grpc.BearerCredentials;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * A service's own SERVICE identity towards the services it calls: a token minted with the
 * deployment's signing key and renewed once half of its lifetime has passed, so that a call never
 * carries an expired token even when it waits out a long deadline or the clocks differ a little.
 * It is itself call credentials: {@code stub.withCallCredentials(identity)}.
 * <p>
 * Thread-safe; at most one thread mints at a time, the others keep using the still valid token.
 */
public class ServiceIdentity extends CallCredentials {

    private final TokenService tokens;
    private final String subject;
    private final Duration ttl;
    private final LongSupplier nanoTime;
    private final BearerCredentials credentials;
    private volatile String token;
    private volatile long renewAtNanos;

    /**
     * @param subject the client id the token names, for example {@code jeda-gateway}
     * @param ttl     the token's lifetime; at least two seconds
     */
    public ServiceIdentity(TokenService tokens, String subject, Duration ttl) {
        this(tokens, subject, ttl, System::nanoTime);
    }

    /** With a clock of nanoseconds, for tests. */
    public ServiceIdentity(TokenService tokens, String subject, Duration ttl, LongSupplier nanoTime) {
        if (ttl.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("a service token must live at least 2 s, got " + ttl);
        }
        this.tokens = tokens;
        this.subject = subject;
        this.ttl = ttl;
        this.nanoTime = nanoTime;
        this.credentials = BearerCredentials.of(this::current);
    }

    /** The current token, minted anew once half of its lifetime has passed. */
    public String current() {
        String t = token;
        if (t == null || nanoTime.getAsLong() - renewAtNanos >= 0) {
            synchronized (this) {
                if (token == null || nanoTime.getAsLong() - renewAtNanos >= 0) {
                    long now = nanoTime.getAsLong();
                    token = tokens.mint(subject, Set.of(Role.SERVICE), ttl);
                    renewAtNanos = now + ttl.toNanos() / 2;
                }
                t = token;
            }
        }
        return t;
    }

    public String subject() {
        return subject;
    }

    @Override
    public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        credentials.applyRequestMetadata(info, executor, applier);
    }
}
