package io.jeda.common.security;

import io.jeda.common.error.JedaException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A token must name someone and must not claim to be issued in the future. */
class TokenClaimsTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";

    private final TokenService verifier = new TokenService(SECRET, "", "jeda", true);

    @Test
    void anEmptySubjectIsRefused() {
        String token = verifier.mint("", Set.of(Role.AGENCY), Duration.ofMinutes(10));
        JedaException e = assertThrows(JedaException.class, () -> verifier.verify(token));
        assertEquals("INVALID_TOKEN", e.reason());
    }

    @Test
    void aBlankSubjectIsRefused() {
        String token = verifier.mint("   ", Set.of(Role.AGENCY), Duration.ofMinutes(10));
        JedaException e = assertThrows(JedaException.class, () -> verifier.verify(token));
        assertEquals("INVALID_TOKEN", e.reason());
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheClockSkewIsRefused() {
        // Issued ten minutes from now (skew allowed: one minute), valid for two hours.
        TokenService future = new TokenService(SECRET, "", "jeda", true,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
        String token = future.mint("199001012015032001", Set.of(Role.OFFICER), Duration.ofHours(2));
        JedaException e = assertThrows(JedaException.class, () -> verifier.verify(token));
        assertEquals("INVALID_TOKEN", e.reason());
    }

    @Test
    void aTokenIssuedWithinTheClockSkewIsAccepted() {
        TokenService ahead = new TokenService(SECRET, "", "jeda", true,
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(20)));
        String token = ahead.mint("199001012015032001", Set.of(Role.OFFICER), Duration.ofHours(1));
        assertEquals("199001012015032001", verifier.verify(token).subject());
    }

    @Test
    void theClockSkewIsASetting() {
        TokenService strict = new TokenService(SECRET, "", "jeda", true, Clock.systemUTC(), 0, Duration.ZERO,
                Duration.ofSeconds(5));
        TokenService ahead = new TokenService(SECRET, "", "jeda", true,
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30)));
        String token = ahead.mint("199001012015032001", Set.of(Role.OFFICER), Duration.ofHours(1));
        assertThrows(JedaException.class, () -> strict.verify(token));
    }
}
