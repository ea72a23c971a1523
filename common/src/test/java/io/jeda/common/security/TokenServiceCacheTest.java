package io.jeda.common.security;

import io.jeda.common.error.JedaException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Remembering verified tokens must never let a token through that full verification would refuse. */
class TokenServiceCacheTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";

    private final TokenService cached = new TokenService(SECRET, "", "jeda", true, Clock.systemUTC(), 100,
            Duration.ofMinutes(5));

    @Test
    void theSameTokenAgainNamesTheSameCaller() {
        String token = cached.mint("199001012015032001", Set.of(Role.OFFICER), Duration.ofMinutes(10));
        Caller first = cached.verify(token);
        Caller again = cached.verify(token);
        assertEquals("199001012015032001", again.subject());
        assertEquals(first.roles(), again.roles());
    }

    @Test
    void aTamperedTokenIsRefusedAfterTheGenuineOneWasRemembered() {
        String token = cached.mint("199001012015032001", Set.of(Role.OFFICER), Duration.ofMinutes(10));
        cached.verify(token);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        JedaException e = assertThrows(JedaException.class, () -> cached.verify(tampered));
        assertEquals("INVALID_TOKEN", e.reason());
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        TokenService other = new TokenService("another-secret-of-at-least-thirty-two-bytes", "", "jeda", true);
        String foreign = other.mint("199001012015032001", Set.of(Role.ADMIN), Duration.ofMinutes(10));
        assertThrows(JedaException.class, () -> cached.verify(foreign));
        assertThrows(JedaException.class, () -> cached.verify(foreign));
    }

    @Test
    void anExpiredTokenIsRefusedThoughItWasOnceValid() {
        // Minted two hours ago for one hour: expired well beyond the allowed clock skew.
        Clock past = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        TokenService issuer = new TokenService(SECRET, "", "jeda", true, past);
        String old = issuer.mint("199001012015032001", Set.of(Role.OFFICER), Duration.ofHours(1));
        assertThrows(JedaException.class, () -> cached.verify(old));
    }
}
