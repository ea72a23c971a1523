package io.jeda.testing;

import io.grpc.CallCredentials;
import io.jeda.common.grpc.BearerCredentials;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;

import java.time.Duration;
import java.util.Set;

/** Tokens and call credentials for tests, minted with the development secret. */
public final class Tokens {

    /** The development secret configured in every service's test environment. */
    public static final String DEV_SECRET = "jeda-development-secret-not-for-production-use-0001";
    private static final TokenService ISSUER = new TokenService(DEV_SECRET, "", "jeda", true);

    private Tokens() {
    }

    /** A token; an ADMIN or HR token is a national one (unit claim {@code *}). */
    public static String token(String subject, Role... roles) {
        Set<Role> set = Set.of(roles);
        boolean admin = set.contains(Role.ADMIN) || set.contains(Role.HR);
        return ISSUER.mint(subject, set, admin ? Caller.NATIONAL : null, Duration.ofHours(1));
    }

    /** A token whose unit claim names {@code unit} (an id, {@code *}, or null for none). */
    public static String scoped(String subject, String unit, Role... roles) {
        return ISSUER.mint(subject, Set.of(roles), unit, Duration.ofHours(1));
    }

    /** Call credentials of a token scoped to {@code unit}. */
    public static CallCredentials asScoped(String subject, String unit, Role... roles) {
        return bearer(scoped(subject, unit, roles));
    }

    /** Call credentials that present a token for the given subject and roles. */
    public static CallCredentials as(String subject, Role... roles) {
        return bearer(token(subject, roles));
    }

    public static CallCredentials bearer(String token) {
        return BearerCredentials.of(token);
    }

    /** Credentials that present a malformed token, for negative tests. */
    public static CallCredentials garbage() {
        return bearer("not-a-jwt");
    }

}
