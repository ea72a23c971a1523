package io.jeda.common.security;

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
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies the bearer tokens that every call carries, and (only where the development issuer is
 * switched on) mints tokens for demo users and tests. Keys come from configuration: an HMAC secret
 * shared inside the deployment, or a JWKS URI of the identity provider.
 */
@Singleton
public class TokenService {

    /** The claim that lists a token's roles. */
    public static final String ROLES_CLAIM = "roles";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final byte[] hmacSecret;
    private final String issuer;
    private final boolean devIssuerEnabled;
    private final Clock clock;

    public TokenService(@Value("${jeda.security.jwt.hmac-secret:}") String hmacSecret,
                        @Value("${jeda.security.jwt.jwks-uri:}") String jwksUri,
                        @Value("${jeda.security.jwt.issuer:jeda}") String issuer,
                        @Value("${jeda.security.dev-issuer.enabled:false}") boolean devIssuerEnabled) {
        this(hmacSecret, jwksUri, issuer, devIssuerEnabled, Clock.systemUTC());
    }

    TokenService(String hmacSecret, String jwksUri, String issuer, boolean devIssuerEnabled, Clock clock) {
        this.issuer = issuer;
        this.devIssuerEnabled = devIssuerEnabled;
        this.clock = clock;
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
        } else if (this.hmacSecret.length >= 32) {
            source = new ImmutableSecret<>(this.hmacSecret);
            algorithms = JWSAlgorithm.Family.HMAC_SHA;
        } else {
            throw new ConfigurationException("No token verification key: set JEDA_JWT_SECRET (at least 32 bytes) "
                    + "or JEDA_JWKS_URI");
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, source));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), new HashSet<>(List.of("sub", "exp")));
        claims.setMaxClockSkew(60);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * Verifies a compact JWT and returns the caller it names.
     *
     * @throws JedaException UNAUTHENTICATED when the token is malformed, badly signed, expired or from another issuer
     */
    public Caller verify(String token) {
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
        return new Caller(claims.getSubject(), roles);
    }

    private static String safe(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.length() > 120 ? m.substring(0, 120) : m;
    }

    public boolean devIssuerEnabled() {
        return devIssuerEnabled;
    }

    /**
     * Mints a token with the shared HMAC secret. Only for the development issuer (local runs and
     * tests) and for service-to-service calls inside one deployment.
     */
    public String mint(String subject, Set<Role> roles, Duration ttl) {
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
