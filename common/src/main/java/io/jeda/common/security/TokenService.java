package io.jeda.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.jeda.common.error.JedaException;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies the bearer tokens that every call carries, and (only where the development issuer is
 * switched on) mints tokens for demo users and tests. Keys come from configuration: an HMAC secret
 * shared inside the deployment, or a JWKS URI of the identity provider.
 * <p>
 * Every call carries its token again, and clients reuse one token for many calls, so verified
 * tokens are remembered, keyed by the exact token text, until the token expires or for at most
 * {@code jeda.security.jwt.cache.max-age} (so that a key withdrawn from the JWKS stops being
 * honoured soon after), up to {@code jeda.security.jwt.cache.max-entries} tokens. Only a token that
 * passed full verification is remembered; any other text is verified from scratch every time.
 */
@Singleton
public class TokenService {

    /** The claim that lists a token's roles. */
    public static final String ROLES_CLAIM = "roles";
    /** The clock skew allowed when no setting names one. */
    static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    /**
     * The claim that names the unit an ADMIN or HR token administers, with its sub-units:
     * {@code units/{id}} or {@code {id}}, or {@code *} for a national admin.
     */
    public static final String UNIT_CLAIM = "unit";

    /** A verified token's caller, and until when the cache may answer for it (epoch nanoseconds of the clock). */
    private record Verified(Caller caller, long validUntilNanos) {
    }

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final byte[] hmacSecret;
    /** Whether tokens this service mints are ones it (and every service of the deployment) verifies. */
    private final boolean verifiesMinted;
    private final String issuer;
    private final boolean devIssuerEnabled;
    private final Clock clock;
    private final Duration cacheMaxAge;
    /** How far the issuer's clock may be ahead or behind ours (expiry, not-before, issued-at). */
    private final Duration clockSkew;
    /** When false, an ADMIN or HR token without a unit claim administers every unit (for identity providers not yet sending it). */
    private boolean unitClaimRequired = true;
    /** Null when caching is off (max-entries 0). */
    private final Cache<String, Verified> verified;

    @jakarta.inject.Inject
    public TokenService(@Value("${jeda.security.jwt.hmac-secret:}") String hmacSecret,
                        @Value("${jeda.security.jwt.jwks-uri:}") String jwksUri,
                        @Value("${jeda.security.jwt.issuer:jeda}") String issuer,
                        @Value("${jeda.security.dev-issuer.enabled:false}") boolean devIssuerEnabled,
                        @Value("${jeda.security.jwt.cache.max-entries:10000}") long cacheMaxEntries,
                        @Value("${jeda.security.jwt.cache.max-age:5m}") Duration cacheMaxAge,
                        @Value("${jeda.security.jwt.clock-skew:60s}") Duration clockSkew,
                        @Value("${jeda.security.jwt.unit-claim-required:true}") boolean unitClaimRequired) {
        this(hmacSecret, jwksUri, issuer, devIssuerEnabled, Clock.systemUTC(), cacheMaxEntries, cacheMaxAge, clockSkew);
        this.unitClaimRequired = unitClaimRequired;
    }

    /** Without a cache of verified tokens; for tools and tests that mint tokens. */
    public TokenService(String hmacSecret, String jwksUri, String issuer, boolean devIssuerEnabled) {
        this(hmacSecret, jwksUri, issuer, devIssuerEnabled, Clock.systemUTC(), 0, Duration.ZERO);
    }

    TokenService(String hmacSecret, String jwksUri, String issuer, boolean devIssuerEnabled, Clock clock) {
        this(hmacSecret, jwksUri, issuer, devIssuerEnabled, clock, 0, Duration.ZERO);
    }

    TokenService(String hmacSecret, String jwksUri, String issuer, boolean devIssuerEnabled, Clock clock,
                 long cacheMaxEntries, Duration cacheMaxAge) {
        this(hmacSecret, jwksUri, issuer, devIssuerEnabled, clock, cacheMaxEntries, cacheMaxAge, DEFAULT_CLOCK_SKEW);
    }

    TokenService(String hmacSecret, String jwksUri, String issuer, boolean devIssuerEnabled, Clock clock,
                 long cacheMaxEntries, Duration cacheMaxAge, Duration clockSkew) {
        this.issuer = issuer;
        this.clockSkew = clockSkew.isNegative() ? Duration.ZERO : clockSkew;
        this.devIssuerEnabled = devIssuerEnabled;
        this.clock = clock;
        this.cacheMaxAge = cacheMaxAge;
        this.verified = cacheMaxEntries > 0 && cacheMaxAge.toNanos() > 0
                ? Caffeine.newBuilder().maximumSize(cacheMaxEntries).expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String token, Verified v, long currentTime) {
                        return Math.max(0, v.validUntilNanos() - nowNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String token, Verified v, long currentTime, long currentDuration) {
                        return expireAfterCreate(token, v, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String token, Verified v, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                }).build()
                : null;
        this.hmacSecret = hmacSecret == null ? new byte[0] : hmacSecret.getBytes(StandardCharsets.UTF_8);
        JWKSource<SecurityContext> source;
        JWSAlgorithm.Family algorithms;
        if (jwksUri != null && !jwksUri.isBlank()) {
            try {
                source = JWKSourceBuilder.create(URI.create(jwksUri).toURL()).build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new ConfigurationException("jeda.security.jwt.jwks-uri is not a URL: " + jwksUri);
            }
            algorithms = JWSAlgorithm.Family.SIGNATURE;
            verifiesMinted = false;
        } else if (this.hmacSecret.length >= 32) {
            source = new ImmutableSecret<>(this.hmacSecret);
            algorithms = JWSAlgorithm.Family.HMAC_SHA;
            verifiesMinted = true;
        } else {
            throw new ConfigurationException("No token verification key: set JEDA_JWT_SECRET (at least 32 bytes) "
                    + "or JEDA_JWKS_URI");
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, source));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), new HashSet<>(List.of("sub", "exp"))) {
            @Override
            public void verify(JWTClaimsSet set, SecurityContext context) throws BadJWTException {
                super.verify(set, context);
                // A token names someone: the subject is who the caller is, and every rule keys on it.
                if (set.getSubject() == null || set.getSubject().isBlank()) {
                    throw new BadJWTException("the token's subject (sub) is empty");
                }
                // Issued in the future (beyond the skew): a clock or issuer that cannot be trusted.
                Date iat = set.getIssueTime();
                if (iat != null && iat.toInstant().isAfter(TokenService.this.clock.instant().plus(TokenService.this.clockSkew))) {
                    throw new BadJWTException("the token is issued in the future (iat)");
                }
            }

            @Override
            protected Date currentTime() {
                return Date.from(TokenService.this.clock.instant());
            }
        };
        claims.setMaxClockSkew((int) Math.min(Integer.MAX_VALUE, this.clockSkew.toSeconds()));
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * Verifies a compact JWT and returns the caller it names.
     *
     * @throws JedaException UNAUTHENTICATED when the token is malformed, badly signed, expired or from another issuer
     */
    public Caller verify(String token) {
        if (verified == null) {
            return verifyFully(token).caller();
        }
        Verified hit = verified.getIfPresent(token);
        // The cache evicts lazily; the time is checked here so that no answer outlives its token.
        if (hit != null && nowNanos() < hit.validUntilNanos()) {
            return hit.caller();
        }
        Verified fresh = verifyFully(token);
        verified.put(token, new Verified(fresh.caller(),
                Math.min(fresh.validUntilNanos(), nowNanos() + cacheMaxAge.toNanos())));
        return fresh.caller();
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Full verification (signature, issuer, expiry); valid until the token's expiry, without skew. */
    private Verified verifyFully(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception e) {
            throw JedaException.unauthenticated("INVALID_TOKEN", "the bearer token is not valid: " + safe(e));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try {
            List<String> names = claims.getStringListClaim(ROLES_CLAIM);
            if (names != null) {
                for (String n : names) {
                    try {
                        roles.add(Role.valueOf(n));
                    } catch (IllegalArgumentException ignored) {
                        // Roles of other systems in a shared token are not ours to interpret.
                    }
                }
            }
        } catch (java.text.ParseException e) {
            throw JedaException.unauthenticated("INVALID_TOKEN", "the roles claim is not a list of strings");
        }
        String unit;
        try {
            unit = claims.getStringClaim(UNIT_CLAIM);
        } catch (java.text.ParseException e) {
            throw JedaException.unauthenticated("INVALID_TOKEN", "the unit claim is not a string");
        }
        if (unit != null && unit.startsWith("units/")) {
            unit = unit.substring("units/".length());
        }
        if (unit != null && unit.isBlank()) {
            unit = null;
        }
        if (unit == null && !unitClaimRequired && (roles.contains(Role.ADMIN) || roles.contains(Role.HR))) {
            unit = Caller.NATIONAL;
        }
        Date exp = claims.getExpirationTime();
        return new Verified(new Caller(claims.getSubject(), roles, unit), exp.getTime() * 1_000_000L);
    }

    private static String safe(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.length() > 120 ? m.substring(0, 120) : m;
    }

    /**
     * True when {@link #mint} can sign and the tokens it signs are accepted: a shared HMAC secret of
     * at least 32 bytes and no JWKS URI (with one, only the identity provider's keys are honoured).
     */
    public boolean verifiesMintedTokens() {
        return verifiesMinted;
    }

    public boolean devIssuerEnabled() {
        return devIssuerEnabled;
    }

    /**
     * Mints a token with the shared HMAC secret. Only for the development issuer (local runs and
     * tests) and for service-to-service calls inside one deployment.
     */
    public String mint(String subject, Set<Role> roles, Duration ttl) {
        return mint(subject, roles, null, ttl);
    }

    /**
     * Mints a token whose {@value #UNIT_CLAIM} claim names the unit administered ({@code *} for
     * every unit); none when null.
     */
    public String mint(String subject, Set<Role> roles, String unit, Duration ttl) {
        if (hmacSecret.length < 32) {
            throw new IllegalStateException("minting needs jeda.security.jwt.hmac-secret");
        }
        Date now = Date.from(clock.instant());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(now)
                .expirationTime(Date.from(clock.instant().plus(ttl)))
                .claim(ROLES_CLAIM, roles.stream().map(Enum::name).sorted().toList())
                .claim(UNIT_CLAIM, unit)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(hmacSecret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }
}
