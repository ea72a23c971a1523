package io.jeda.gateway.web;

import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
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
            new AppPage("asked", false), new AppPage("inbox", true), new AppPage("team", true),
            new AppPage("month", false), new AppPage("requests", false));
    private static final String NIP = "\\d{18}";
    private static final Logger LOG = LoggerFactory.getLogger(WebController.class);

    private final Pages pages;
    private final WebSession sessions;
    private final WebSettings settings;
    private final TokenService tokens;
    private final OidcSignIn oidc;
    private final OidcSettings oidcSettings;
    private final Masthead masthead;

    public WebController(Pages pages, WebSession sessions, WebSettings settings, TokenService tokens,
                         OidcSignIn oidc, OidcSettings oidcSettings, Masthead masthead) {
        this.masthead = masthead;
        this.oidc = oidc;
        this.oidcSettings = oidcSettings;
        this.pages = pages;
        this.sessions = sessions;
        this.settings = settings;
        this.tokens = tokens;
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
        String unit = listed.map(WebSettings.DemoPerson::unit).orElse(null);
        String token = unit == null ? tokens.mint(nip, roles, settings.sessionTtl())
                : tokens.mint(nip, roles, unit, settings.sessionTtl());
        return WebResponses.redirect("/app/today").cookie(sessions.cookie(request, token));
    }

    /** Production sign-in, step one: off to the identity provider with state, nonce and PKCE. */
    @Get("/signin/oidc")
    public MutableHttpResponse<String> oidcStart(HttpRequest<?> request) {
        if (!oidc.configured()) {
            return signIn(request, HttpStatus.NOT_FOUND, "signin.oidc.notConfigured");
        }
        try {
            OidcSignIn.Start start = oidc.start(callback(request));
            return WebResponses.redirect(start.authorize().toString())
                    .cookie(sessions.oidcPending(request, start.pending(), oidcSettings.loginTimeout()));
        } catch (OidcSignIn.Refused e) {
            LOG.warn("OpenID Connect sign-in could not start: {}", e.getMessage());
            return signIn(request, HttpStatus.SERVICE_UNAVAILABLE, e.key());
        }
    }

    /**
     * Step two: the provider sends the browser back with a code and the state. On success the
     * session cookie is set and a small page moves on to the app: a redirect would still count as
     * the provider's cross-site navigation, for which the browser withholds the SameSite=Strict cookie.
     */
    @Get("/signin/oidc/callback")
    public MutableHttpResponse<String> oidcCallback(HttpRequest<?> request) {
        if (!oidc.configured()) {
            return signIn(request, HttpStatus.NOT_FOUND, "signin.oidc.notConfigured");
        }
        var q = request.getParameters();
        String pending = request.getCookies().findCookie(WebSession.OIDC_COOKIE).map(Cookie::getValue).orElse(null);
        try {
            OidcSignIn.Person person = oidc.finish(pending, q.get("state"), q.get("code"), q.get("error"),
                    callback(request));
            String token = tokens.mint(person.nip(), person.roles(), person.unit(), settings.sessionTtl());
            return withLanguage(request, WebResponses.page(HttpStatus.OK,
                    pages.render("signedin", Texts.language(request), Map.of())))
                    .cookie(sessions.cookie(request, token)).cookie(sessions.oidcCleared(request));
        } catch (OidcSignIn.Refused e) {
            LOG.warn("OpenID Connect sign-in refused: {}", e.getMessage());
            return signIn(request, HttpStatus.BAD_REQUEST, e.key()).cookie(sessions.oidcCleared(request));
        }
    }

    /** The callback address: the setting, else this gateway as the browser reached it. */
    private URI callback(HttpRequest<?> request) {
        if (!oidcSettings.redirectUri().isEmpty()) {
            return URI.create(oidcSettings.redirectUri());
        }
        String host = request.getHeaders().get("Host");
        return URI.create((request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"))
                ? "https" : "http") + "://"
                + (host == null ? "localhost" : host.trim()) + WebSession.OIDC_PATH + "/callback");
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
        Optional<OfficerProfile> profile = masthead.fill(model, s, lang);
        // Times on the page are shown in the officer's own zone, not the device's.
        model.put("zone", profile.map(p -> p.zone() == null ? null : p.zone().getId()).orElse(""));
        model.put("csrf", s.csrf());
        model.put("texts", json(Texts.forScripts(lang)));
        model.put("refreshMs", settings.boardRefresh().toMillis());
        return withLanguage(request, WebResponses.page(HttpStatus.OK, pages.render(page, lang, model)));
    }

    private MutableHttpResponse<String> signIn(HttpRequest<?> request, HttpStatus status, @Nullable String error) {
        String lang = Texts.language(request);
        Map<String, Object> model = new HashMap<>();
        model.put("devIssuer", tokens.devIssuerEnabled());
        model.put("people", settings.demoPeople());
        model.put("oidcConfigured", oidc.configured());
        model.put("oidcIssuer", oidcSettings.issuer());
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
