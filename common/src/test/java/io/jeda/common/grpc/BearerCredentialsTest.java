package io.jeda.common.grpc;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.common.security.ServiceIdentity;
import io.jeda.common.security.TokenService;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BearerCredentialsTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes-0001";

    /** What one call would carry: its headers, or the status it failed with. */
    private static final class Applied extends CallCredentials.MetadataApplier {
        Metadata headers;
        Status failure;

        @Override
        public void apply(Metadata headers) {
            this.headers = headers;
        }

        @Override
        public void fail(Status status) {
            this.failure = status;
        }
    }

    private static Applied apply(CallCredentials c) {
        Applied a = new Applied();
        c.applyRequestMetadata(null, Runnable::run, a);
        return a;
    }

    @Test
    void sendsTheTokenAsBearer() {
        assertEquals("Bearer abc", apply(BearerCredentials.of("abc")).headers.get(BearerCredentials.AUTHORIZATION));
    }

    @Test
    void aMissingTokenFailsTheCallInsteadOfSendingItAnonymous() {
        Applied a = apply(BearerCredentials.of(() -> {
            throw new IllegalStateException("no key");
        }));
        assertNull(a.headers);
        assertEquals(Status.Code.UNAUTHENTICATED, a.failure.getCode());
        assertEquals(Status.Code.UNAUTHENTICATED, apply(BearerCredentials.of(() -> "")).failure.getCode());
    }

    @Test
    void withoutACallerTheFallbackIsSent() {
        assertEquals("Bearer svc", apply(BearerCredentials.callerOr(() -> "svc")).headers
                .get(BearerCredentials.AUTHORIZATION));
    }

    @Test
    void theServiceIdentityIsRenewedOnceHalfItsLifetimePassed() {
        AtomicInteger minted = new AtomicInteger();
        TokenService tokens = new TokenService(SECRET, "", "jeda", false) {
            @Override
            public String mint(String subject, Set<Role> roles, Duration ttl) {
                assertEquals(Set.of(Role.SERVICE), roles);
                return subject + "-" + minted.incrementAndGet();
            }
        };
        AtomicLong now = new AtomicLong(1_000);
        ServiceIdentity id = new ServiceIdentity(tokens, "jeda-gateway", Duration.ofMinutes(10), now::get);
        assertEquals("jeda-gateway-1", id.current());
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        assertEquals("jeda-gateway-1", id.current());
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertEquals("jeda-gateway-2", id.current());
        assertEquals("Bearer jeda-gateway-2", apply(id).headers.get(BearerCredentials.AUTHORIZATION));
    }

    @Test
    void aRealServiceTokenVerifiesAsService() {
        TokenService tokens = new TokenService(SECRET, "", "jeda", false);
        ServiceIdentity id = new ServiceIdentity(tokens, "jeda-attendance", Duration.ofMinutes(10));
        var caller = tokens.verify(id.current());
        assertEquals("jeda-attendance", caller.subject());
        assertTrue(caller.roles().contains(Role.SERVICE));
    }
}
