package io.jeda.gateway.web;

import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import io.jeda.gateway.app.OfficerRequests;
import io.jeda.gateway.reachability.OfficerProfile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The web app's pages for officers and managers. Each page is rendered on the server with its texts
 * in the visitor's language; the data on it comes from the public REST API ({@code /v1/...}), which
 * the page's script calls on the same origin with the session cookie (see {@link SessionFilter}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class WebController {

    /** The app's pages: path segment, template, whether only managers see it. */
    private record AppPage(String path, boolean managerOnly) {
    }

    private static final List<AppPage> PAGES = List.of(new AppPage("today", false), new AppPage("plans", false),
            new AppPage("asked", false), new AppPage("inbox", true), new AppPage("team", true));
    private static final String NIP = "\\d{18}";

    private final Pages pages;
    private final WebSession sessions;
    private final WebSettings settings;
    private final TokenService tokens;
    private final OfficerRequests officers;

    public WebController(Pages pages, WebSession sessions, WebSettings settings, TokenService tokens,
                         OfficerRequests officers) {
        this.pages = pages;
        this.sessions = sessions;
        this.settings = settings;
        this.tokens = tokens;
        this.officers = officers;
    }

    @Get
    public MutableHttpResponse<String> root(HttpRequest<?> request) {
        return withLanguage(request, WebResponses.redirect(sessions.of(request).isPresent() ? "/app/today" : "/signin"));
    }

    @Get("/signin")
    public MutableHttpResponse<String> signInPage(HttpRequest<?> request) {
        return signIn(request, HttpStatus.OK, null);
    }

    /** Development sign-in: a token for a listed demo person, or for any NIP with the chosen role. */
    @Post("/signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<String> signInSubmit(HttpRequest<?> request, @Body @Nullable Map<String, String> form) {
        if (!tokens.devIssuerEnabled()) {
            return signIn(request, HttpStatus.FORBIDDEN, "signin.error.noDevIssuer");
        }
        if (!WebSession.sameOrigin(request)) {
            return signIn(request, HttpStatus.FORBIDDEN, "signin.error.crossOrigin");
        }
        Map<String, String> f = form == null ? Map.of() : form;
        String nip = f.getOrDefault("nip", "").trim();
        Optional<WebSettings.DemoPerson> listed = settings.demoPeople().stream().filter(p -> p.nip().equals(nip))
                .findFirst();
        Set<Role> roles;
        if (listed.isPresent()) {
            roles = listed.get().roles();
        } else if (nip.matches(NIP)) {
            roles = "manager".equals(f.get("role")) ? EnumSet.of(Role.OFFICER, Role.MANAGER) : EnumSet.of(Role.OFFICER);
        } else {
            return signIn(request, HttpStatus.BAD_REQUEST, "signin.error.nip");
        }
        String token = tokens.mint(nip, roles, settings.sessionTtl());
        return WebResponses.redirect("/app/today").cookie(sessions.cookie(request, token));
    }

    @Post("/signout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<String> signOut(HttpRequest<?> request, @Body @Nullable Map<String, String> form) {
        Optional<WebSession.Session> s = sessions.of(request);
        if (s.isPresent() && (!WebSession.sameOrigin(request)
                || !WebSession.csrfMatches(s.get(), form == null ? null : form.get(WebSession.CSRF_FIELD)))) {
            return signIn(request, HttpStatus.FORBIDDEN, "signin.error.crossOrigin");
        }
        return WebResponses.redirect("/signin").cookie(sessions.cleared(request));
    }

    @Get("/app/{page}")
    public MutableHttpResponse<String> app(HttpRequest<?> request, @PathVariable String page) {
        String lang = Texts.language(request);
        Optional<AppPage> known = PAGES.stream().filter(p -> p.path().equals(page)).findFirst();
        if (known.isEmpty()) {
            return withLanguage(request, WebResponses.page(HttpStatus.NOT_FOUND,
                    pages.render("notfound", lang, Map.of())));
        }
        Optional<WebSession.Session> session = sessions.of(request);
        if (session.isEmpty()) {
            return withLanguage(request, WebResponses.redirect("/signin").cookie(sessions.cleared(request)));
        }
        WebSession.Session s = session.get();
        if (!s.person()) {
            // An agency system's token (or any token naming no officer) never opens the app.
            return withLanguage(request, WebResponses.page(HttpStatus.FORBIDDEN,
                    pages.render("refused", lang, Map.of("subject", s.caller().subject()))))
                    .cookie(sessions.cleared(request));
        }
        if (known.get().managerOnly() && !s.manager()) {
            return withLanguage(request, WebResponses.redirect("/app/today"));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("nip", s.caller().subject());
        Optional<OfficerProfile> profile = profile(s.caller().subject());
        model.put("name", profile.map(OfficerProfile::displayName).filter(n -> !n.isBlank())
                .orElse(s.caller().subject()));
        // Times on the page are shown in the officer's own zone, not the device's.
        model.put("zone", profile.map(p -> p.zone() == null ? null : p.zone().getId()).orElse(""));
        model.put("manager", s.manager());
        model.put("csrf", s.csrf());
        model.put("texts", json(Texts.forScripts(lang)));
        model.put("refreshMs", settings.boardRefresh().toMillis());
        return withLanguage(request, WebResponses.page(HttpStatus.OK, pages.render(page, lang, model)));
    }

    /**
     * The officer's name and zone (the use case behind {@code GET /v1/me}); empty when policy-service
     * knows no such officer or does not answer: the page then names the officer by NIP.
     */
    private Optional<OfficerProfile> profile(String nip) {
        try {
            return officers.profile(nip);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private MutableHttpResponse<String> signIn(HttpRequest<?> request, HttpStatus status, @Nullable String error) {
        String lang = Texts.language(request);
        Map<String, Object> model = new HashMap<>();
        model.put("devIssuer", tokens.devIssuerEnabled());
        model.put("people", settings.demoPeople());
        model.put("oidcConfigured", settings.oidcConfigured());
        model.put("oidcIssuer", settings.oidcIssuer());
        model.put("error", error);
        return withLanguage(request, WebResponses.page(status, pages.render("signin", lang, model)));
    }

    /** Remembers a language chosen with {@code ?lang=} for the next pages. */
    private static MutableHttpResponse<String> withLanguage(HttpRequest<?> request, MutableHttpResponse<String> r) {
        String q = request.getParameters().get("lang");
        if (Texts.supported(q)) {
            r.cookie(Cookie.of(Texts.LANG_COOKIE, q).path("/").httpOnly(true).sameSite(SameSite.Lax)
                    .maxAge(Duration.ofDays(365)));
        }
        return r;
    }

    static String json(Map<String, String> texts) {
        return texts.entrySet().stream().map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
