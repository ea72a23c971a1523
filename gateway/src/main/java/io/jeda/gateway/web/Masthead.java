package io.jeda.gateway.web;

import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.gateway.app.OfficerRequests;
import io.jeda.gateway.reachability.OfficerProfile;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every signed-in page's header shows, the same on each page: the person's name (from
 * policy-service, the NIP when it knows none), their roles in words ("Atasan langsung · Admin"),
 * and which menu entries they may open.
 */
@Singleton
public class Masthead {

    /** The roles the header names, in this order; OFFICER only when the person has none of the others. */
    private static final List<Role> NAMED = List.of(Role.MANAGER, Role.ADMIN, Role.HR);

    private final OfficerRequests officers;

    public Masthead(OfficerRequests officers) {
        this.officers = officers;
    }

    /**
     * Puts {@code nip}, {@code name}, {@code roleText}, {@code manager}, {@code admin} and {@code hr} into
     * the page's model, and returns the profile found (empty when policy-service knows no such officer
     * or does not answer).
     */
    public Optional<OfficerProfile> fill(Map<String, Object> model, WebSession.Session s, String lang) {
        Caller c = s.caller();
        Optional<OfficerProfile> profile = profile(c.subject());
        model.put("nip", c.subject());
        model.put("name", profile.map(OfficerProfile::displayName).filter(n -> !n.isBlank()).orElse(c.subject()));
        model.put("roleText", roles(c, lang));
        model.put("manager", s.manager());
        // Admins and HR find the administration pages (AdminPages) and the unit's wellbeing report.
        boolean admin = c.has(Role.ADMIN) || c.has(Role.HR);
        model.put("admin", admin);
        model.put("hr", admin && !c.has(Role.AGENCY));
        return profile;
    }

    /** The caller's roles in words, in the page's language. */
    static String roles(Caller c, String lang) {
        List<String> names = new ArrayList<>();
        for (Role r : NAMED) {
            if (c.has(r)) {
                names.add(Texts.get(lang, "role." + r.name()));
            }
        }
        if (names.isEmpty()) {
            names.add(Texts.get(lang, "role.OFFICER"));
        }
        return String.join(" · ", names);
    }

    private Optional<OfficerProfile> profile(String nip) {
        try {
            return officers.profile(nip);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
