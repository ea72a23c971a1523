package io.jeda.gateway.web;

import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.gateway.app.Person;
import io.jeda.gateway.app.WellbeingReports;
import io.jeda.gateway.v1.OfficerWellbeing;
import io.jeda.gateway.v1.RosterLoad;
import io.jeda.gateway.v1.WellbeingReport;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The wellbeing page ({@code /app/wellbeing}, "Kesejahteraan"): the report of a manager's team, or
 * for HR and admins of a unit ({@code ?unit=}), as a table and a bar chart of each officer's busiest
 * on-call week against the roster's weekly cap. Server-rendered, the chart an inline SVG: no script.
 */
@Controller("/app/wellbeing")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WellbeingPage {

    private final Pages pages;
    private final WebSession sessions;
    private final WellbeingReports reports;
    private final Masthead masthead;

    public WellbeingPage(Pages pages, WebSession sessions, WellbeingReports reports, Masthead masthead) {
        this.masthead = masthead;
        this.pages = pages;
        this.sessions = sessions;
        this.reports = reports;
    }

    /** One table row, texts ready; "—" where the part is missing. */
    public record Row(String name, String nip, String hours, String late, String shortRests, String reachable,
                      String waiting, String held, String onCall, String busiest, boolean overCap, boolean restWarn) {
    }

    /** One bar of the chart: the busiest week's hours as a share of the chart's width. */
    public record Bar(String label, double y, double width, String value, boolean over) {
    }

    /** One roster's spread, texts ready. */
    public record Spread(String name, String total, String maxToMean, String gini, String cap) {
    }

    @Get
    public MutableHttpResponse<String> show(HttpRequest<?> request) {
        String lang = Texts.language(request);
        Optional<WebSession.Session> session = sessions.of(request);
        if (session.isEmpty()) {
            return WebResponses.redirect("/signin").cookie(sessions.cleared(request));
        }
        WebSession.Session s = session.get();
        Caller c = s.caller();
        boolean hr = !c.has(Role.AGENCY) && (c.has(Role.HR) || c.isAdmin());
        if (!s.manager() && !hr) {
            return WebResponses.page(HttpStatus.FORBIDDEN, pages.render("refused", lang,
                    Map.of("subject", c.subject())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", "wellbeing");
        masthead.fill(model, s, lang);
        model.put("hr", hr);
        model.put("csrf", s.csrf());
        model.put("texts", WebController.json(Texts.forScripts(lang)));
        String unit = Optional.ofNullable(request.getParameters().get("unit")).map(String::trim).orElse("");
        if (unit.isEmpty() && hr && !s.manager() && c.unit() != null && !Caller.NATIONAL.equals(c.unit())) {
            unit = c.unit();
        }
        model.put("unit", unit);
        HttpStatus status = HttpStatus.OK;
        try {
            YearMonth month = reports.month(request.getParameters().get("month"));
            model.put("month", month.toString());
            Person p = new Person(c, s.token());
            WellbeingReport r = unit.isEmpty() ? reports.team(p, month) : reports.unit(p, unit, month);
            fill(model, r, lang);
        } catch (JedaException e) {
            model.put("error", e.reason());
            model.putIfAbsent("month", YearMonth.now().toString());
            status = HttpStatus.valueOf(io.jeda.common.error.ErrorTable.httpStatus(e.kind()));
        }
        return WebResponses.page(status, pages.render("wellbeing", lang, model));
    }

    private static void fill(Map<String, Object> model, WellbeingReport r, String lang) {
        List<Row> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        double scale = 1;
        int cap = 0;
        for (OfficerWellbeing o : r.getOfficersList()) {
            scale = Math.max(scale, o.getBusiestWeekOnCallHours());
            cap = Math.max(cap, o.getWeeklyCapHours());
        }
        scale = Math.max(scale, cap) * 1.1;
        int i = 0;
        for (OfficerWellbeing o : r.getOfficersList()) {
            String name = o.getDisplayName().isBlank() ? o.getOfficer().substring("officers/".length()) : o.getDisplayName();
            boolean over = o.hasWeeksOverCap() && o.getWeeksOverCap() > 0;
            rows.add(new Row(name, o.getOfficer().substring("officers/".length()),
                    o.hasWorkedMinutes() ? hours(o.getWorkedMinutes() / 60.0, lang) + " / " + hours(o.getDueMinutes() / 60.0, lang) : "—",
                    o.hasLateCheckOuts() ? String.valueOf(o.getLateCheckOuts()) : "—",
                    o.hasShortRests() ? String.valueOf(o.getShortRests()) : "—",
                    o.hasAfterHoursReachable() ? String.valueOf(o.getAfterHoursReachable()) : "—",
                    o.hasAfterHoursWait() ? String.valueOf(o.getAfterHoursWait()) : "—",
                    o.hasHeldMessages() ? String.valueOf(o.getHeldMessages()) : "—",
                    o.hasOnCallHours() ? hours(o.getOnCallHours(), lang) : "—",
                    o.hasBusiestWeekOnCallHours() ? hours(o.getBusiestWeekOnCallHours(), lang)
                            + (o.getWeeklyCapHours() > 0 ? " / " + o.getWeeklyCapHours() : "") : "—",
                    over, o.hasShortRests() && o.getShortRests() > 0));
            if (o.hasBusiestWeekOnCallHours()) {
                bars.add(new Bar(name, 8 + i * 34, 100 * o.getBusiestWeekOnCallHours() / scale,
                        hours(o.getBusiestWeekOnCallHours(), lang), over));
                i++;
            }
        }
        List<Spread> spreads = new ArrayList<>();
        for (RosterLoad l : r.getRostersList()) {
            spreads.add(new Spread(l.getDisplayName(), hours(l.getTotalHours(), lang), number(l.getMaxToMean(), lang),
                    number(l.getGini(), lang), String.valueOf(l.getWeeklyCapHours())));
        }
        model.put("rows", rows);
        model.put("bars", bars);
        model.put("chartHeight", 16 + bars.size() * 34);
        model.put("capX", cap > 0 ? 100 * cap / scale : -1);
        model.put("cap", cap);
        model.put("spreads", spreads);
        model.put("missing", r.getMissingPartsList());
        model.put("unitName", r.getUnit());
        model.put("minimumRest", r.getRules().hasMinimumRestMinutes() ? hours(r.getRules().getMinimumRestMinutes() / 60.0, lang) : "—");
        var t = r.getTotals();
        model.put("totalLate", t.hasLateCheckOuts() ? String.valueOf(t.getLateCheckOuts()) : "—");
        model.put("totalShort", t.hasShortRests() ? String.valueOf(t.getShortRests()) : "—");
        model.put("totalWait", t.hasAfterHoursWait() ? String.valueOf(t.getAfterHoursWait()) : "—");
        model.put("totalOver", t.hasOfficersOverCap() ? String.valueOf(t.getOfficersOverCap()) : "—");
    }

    private static String hours(double h, String lang) {
        return number(h, lang);
    }

    /** A number with at most two decimals, with the language's decimal mark (0,5 in Indonesian). */
    private static String number(double v, String lang) {
        String text = (Math.rint(v) == v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v)
                .replaceAll("0$", "");
        return "en".equals(lang) ? text : text.replace('.', ',');
    }
}
