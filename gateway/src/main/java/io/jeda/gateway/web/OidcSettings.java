package io.jeda.gateway.web;

import io.jeda.common.security.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Production sign-in to the web app through the identity provider (OpenID Connect): where it is,
 * the app's client id and secret there, and how the provider's ID token names a person's NIP and
 * Jeda roles (and, for ADMIN and HR, the unit they administer). A sign-in yields the same Jeda token
 * (NIP as subject, roles, unit) as every other caller has.
 */
@Singleton
public class OidcSettings {

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final String scopes;
    private final String nipClaim;
    private final String rolesClaim;
    private final String unitClaim;
    private final Map<String, Set<Role>> roleMap;
    private final Set<Role> defaultRoles;
    private final Duration timeout;
    private final Duration loginTimeout;

    public OidcSettings(@Value("${jeda.web.oidc.issuer:}") String issuer,
                        @Value("${jeda.web.oidc.client-id:}") String clientId,
                        @Value("${jeda.web.oidc.client-secret:}") String clientSecret,
                        @Value("${jeda.web.oidc.redirect-uri:}") String redirectUri,
                        @Value("${jeda.web.oidc.scopes:openid profile}") String scopes,
                        @Value("${jeda.web.oidc.nip-claim:nip}") String nipClaim,
                        @Value("${jeda.web.oidc.roles-claim:roles}") String rolesClaim,
                        @Value("${jeda.web.oidc.unit-claim:unit}") String unitClaim,
                        @Value("${jeda.web.oidc.role-map:OFFICER=OFFICER;MANAGER=OFFICER+MANAGER}") String roleMap,
                        @Value("${jeda.web.oidc.default-roles:OFFICER}") String defaultRoles,
                        @Value("${jeda.web.oidc.timeout:5s}") Duration timeout,
                        @Value("${jeda.web.oidc.login-timeout:10m}") Duration loginTimeout) {
        this.issuer = issuer.trim();
        this.clientId = clientId.trim();
        this.clientSecret = clientSecret.trim();
        this.redirectUri = redirectUri.trim();
        this.scopes = scopes.trim().contains("openid") ? scopes.trim() : ("openid " + scopes.trim()).trim();
        this.nipClaim = nipClaim.trim();
        this.rolesClaim = rolesClaim.trim();
        this.unitClaim = unitClaim.trim();
        this.roleMap = parseRoleMap(roleMap);
        this.defaultRoles = roles("jeda.web.oidc.default-roles", defaultRoles);
        this.timeout = timeout;
        this.loginTimeout = loginTimeout;
    }

    /**
     * {@code IDP_VALUE=ROLE+ROLE;IDP_VALUE=ROLE}: which Jeda roles a value of the provider's roles
     * claim gives. Only people's roles (OFFICER, MANAGER, ADMIN, HR); never SERVICE or AGENCY.
     */
    static Map<String, Set<Role>> parseRoleMap(String text) {
        Map<String, Set<Role>> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("jeda.web.oidc.role-map: '" + entry.trim()
                        + "' is not IDP_VALUE=ROLE+ROLE");
            }
            out.put(entry.substring(0, eq).trim(), roles("jeda.web.oidc.role-map", entry.substring(eq + 1)));
        }
        return Map.copyOf(out);
    }

    static Set<Role> roles(String setting, String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : text.split("\\+")) {
            if (r.isBlank()) {
                continue;
            }
            Role role;
            try {
                role = Role.valueOf(r.trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(setting + ": unknown role " + r.trim());
            }
            if (role == Role.SERVICE || role == Role.AGENCY) {
                throw new ConfigurationException(setting + ": a person cannot be given the role " + role);
            }
            roles.add(role);
        }
        return Set.copyOf(roles);
    }

    public boolean configured() {
        return !issuer.isEmpty() && !clientId.isEmpty() && !clientSecret.isEmpty();
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** Empty: derived from each request (its Host, and https when the request came over it). */
    public String redirectUri() {
        return redirectUri;
    }

    public String scopes() {
        return scopes;
    }

    public String nipClaim() {
        return nipClaim;
    }

    public String rolesClaim() {
        return rolesClaim;
    }

    /** The claim naming the unit an ADMIN or HR administers ({@code units/{id}}, {@code {id}} or {@code *}). */
    public String unitClaim() {
        return unitClaim;
    }

    public Map<String, Set<Role>> roleMap() {
        return roleMap;
    }

    public Set<Role> defaultRoles() {
        return defaultRoles;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration loginTimeout() {
        return loginTimeout;
    }
}
