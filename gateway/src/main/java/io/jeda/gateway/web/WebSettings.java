package io.jeda.gateway.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.jeda.common.security.Role;

/**
 * Settings of the web app for officers and managers: how long a session lasts, when its cookie is
 * marked Secure, how often the team board refreshes and the people the development sign-in page
 * lists (production sign-in: {@link OidcSettings}).
 */
@Singleton
public class WebSettings {

    /** One person the development sign-in page offers. */
    public record DemoPerson(String nip, String name, Set<Role> roles, String unit) {
        public DemoPerson(String nip, String name, Set<Role> roles) {
            this(nip, name, roles, roles.contains(Role.ADMIN) || roles.contains(Role.HR) ? "*" : null);
        }

        public boolean manager() {
            return roles.contains(Role.MANAGER);
        }
    }

    private final Duration sessionTtl;
    private final String secureCookie;
    private final Duration boardRefresh;
    private final List<DemoPerson> demoPeople;

    public WebSettings(@Value("${jeda.web.session-ttl:8h}") Duration sessionTtl,
                       @Value("${jeda.web.secure-cookie:auto}") String secureCookie,
                       @Value("${jeda.web.board-refresh:15s}") Duration boardRefresh,
                       @Value("${jeda.web.demo-people:}") String demoPeople) {
        this.sessionTtl = sessionTtl;
        this.secureCookie = secureCookie.trim().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "true", "false").contains(this.secureCookie)) {
            throw new ConfigurationException("jeda.web.secure-cookie must be auto, true or false, not " + secureCookie);
        }
        this.boardRefresh = boardRefresh;
        this.demoPeople = parse(demoPeople);
    }

    /**
     * {@code NIP|Name|ROLE+ROLE;NIP|Name|ROLE}: one string, so that one environment variable can
     * hold the whole list.
     */
    static List<DemoPerson> parse(String text) {
        List<DemoPerson> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] f = entry.trim().split("\\|");
            if (f.length != 3 && f.length != 4) {
                throw new ConfigurationException("jeda.web.demo-people: '" + entry.trim()
                        + "' is not NIP|Name|ROLE+ROLE");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : f[2].split("\\+")) {
                try {
                    roles.add(Role.valueOf(r.trim()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("jeda.web.demo-people: unknown role " + r.trim());
                }
            }
            // An ADMIN or HR may name the unit it administers (NIP|Name|OFFICER+ADMIN|unit); default '*'.
            out.add(f.length == 4 && !f[3].isBlank() ? new DemoPerson(f[0].trim(), f[1].trim(), roles, f[3].trim())
                    : new DemoPerson(f[0].trim(), f[1].trim(), roles));
        }
        return List.copyOf(out);
    }

    public Duration sessionTtl() {
        return sessionTtl;
    }

    /** auto: Secure whenever the request came over https (directly or as a proxy says). */
    public String secureCookie() {
        return secureCookie;
    }

    public Duration boardRefresh() {
        return boardRefresh;
    }

    public List<DemoPerson> demoPeople() {
        return demoPeople;
    }
}
