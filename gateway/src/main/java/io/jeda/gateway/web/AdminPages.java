package io.jeda.gateway.web;

import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administration pages for agency admins (ADMIN) and, to read, HR: units and offices, positions,
 * officers, calendars, rosters, the admin changes and the CSV imports, under {@code /app/admin/...}.
 * Like the officers' pages they hold no rules: the script fills them from {@code /v1/admin/...}, where
 * policy-service checks the role and the scope of the session's token, and refusals are shown in words.
 */
@Controller("/app/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminPages {

    static final List<String> SECTIONS = List.of("units", "positions", "officers", "calendar", "rosters",
            "changes", "import");

    private final Pages pages;
    private final WebSession sessions;
    private final Masthead masthead;

    public AdminPages(Pages pages, WebSession sessions, Masthead masthead) {
        this.masthead = masthead;
        this.pages = pages;
        this.sessions = sessions;
    }

    @Get("/{section}")
    public MutableHttpResponse<String> section(HttpRequest<?> request, @PathVariable String section) {
        String lang = Texts.language(request);
        if (!SECTIONS.contains(section)) {
            return WebResponses.page(HttpStatus.NOT_FOUND, pages.render("notfound", lang, Map.of()));
        }
        Optional<WebSession.Session> session = sessions.of(request);
        if (session.isEmpty()) {
            return WebResponses.redirect("/signin").cookie(sessions.cleared(request));
        }
        WebSession.Session s = session.get();
        Caller c = s.caller();
        if (!s.person() || !(c.has(Role.ADMIN) || c.has(Role.HR))) {
            // Officers and managers without an admin role have no administration to see.
            return WebResponses.redirect("/app/today");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", "admin");
        model.put("section", section);
        model.put("sections", SECTIONS);
        masthead.fill(model, s, lang);
        model.put("canEdit", c.has(Role.ADMIN));
        model.put("scope", c.unit() == null || c.unit().isBlank() ? "-" : c.unit());
        model.put("national", "*".equals(c.unit()));
        model.put("csrf", s.csrf());
        model.put("zone", "");
        model.put("texts", WebController.json(Texts.forScripts(lang)));
        return WebResponses.page(HttpStatus.OK, pages.render("admin", lang, model));
    }
}
