package io.jeda.gateway.web;

import io.jeda.common.error.JedaException;
import io.jeda.gateway.app.Person;
import io.jeda.gateway.app.RelayRequests;
import io.jeda.gateway.reachability.OfficerProfile;
import io.jeda.relay.v1.ListMessagesResponse;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.MessageState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The officer's messages held by Jeda ({@code /app/messages}): what waits for them to act (delivered,
 * seen), what is held until their next working hours, and what is done. The page is rendered on the
 * server and works without a script: acknowledging and resolving are plain forms posted back here
 * with the page's CSRF token, forwarded to relay-service with the officer's own token.
 */
@Controller("/app/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MessagesPage {

    /** Most messages the page shows (relay-service's largest page). */
    static final int SHOWN = 200;

    private final Pages pages;
    private final WebSession sessions;
    private final WebSettings settings;
    private final RelayRequests relay;
    private final Masthead masthead;

    public MessagesPage(Pages pages, WebSession sessions, WebSettings settings, RelayRequests relay,
                        Masthead masthead) {
        this.masthead = masthead;
        this.pages = pages;
        this.sessions = sessions;
        this.settings = settings;
        this.relay = relay;
    }

    /** One message as the page shows it, texts already in the page's language. */
    public record Item(String id, String subject, String text, String urgency, String urgencyClass, String state,
                       String when, String respondBy, boolean escalated, boolean canAcknowledge, boolean canResolve) {
    }

    @Get
    public MutableHttpResponse<String> show(HttpRequest<?> request) {
        return render(request, HttpStatus.OK, request.getParameters().get("done"), null);
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<String> act(HttpRequest<?> request, @PathVariable String id,
                                           @Body @Nullable Map<String, String> form) {
        Optional<WebSession.Session> session = sessions.of(request);
        if (session.isEmpty() || !session.get().person()) {
            return WebResponses.redirect("/signin");
        }
        Map<String, String> f = form == null ? Map.of() : form;
        if (!WebSession.sameOrigin(request) || !WebSession.csrfMatches(session.get(), f.get(WebSession.CSRF_FIELD))) {
            return render(request, HttpStatus.FORBIDDEN, null, "CSRF_TOKEN_INVALID");
        }
        Person p = new Person(session.get().caller(), session.get().token());
        String name = "messages/" + id;
        try {
            String action = f.getOrDefault("action", "");
            switch (action) {
                case "acknowledge" -> relay.acknowledge(p, name);
                case "resolve" -> relay.resolve(p, name);
                default -> {
                    return render(request, HttpStatus.BAD_REQUEST, null, "INVALID_ACTION");
                }
            }
            // Post/redirect/get: a reload does not send the form again.
            return WebResponses.redirect("/app/messages?done=" + action);
        } catch (JedaException e) {
            return render(request, HttpStatus.valueOf(io.jeda.common.error.ErrorTable.httpStatus(e.kind())), null, e.reason());
        }
    }

    private MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, @Nullable String done,
                                               @Nullable String error) {
        String lang = Texts.language(request);
        Optional<WebSession.Session> session = sessions.of(request);
        if (session.isEmpty()) {
            return WebResponses.redirect("/signin").cookie(sessions.cleared(request));
        }
        WebSession.Session s = session.get();
        if (!s.person()) {
            return WebResponses.page(HttpStatus.FORBIDDEN, pages.render("refused", lang,
                    Map.of("subject", s.caller().subject()))).cookie(sessions.cleared(request));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", "messages");
        Optional<OfficerProfile> profile = masthead.fill(model, s, lang);
        ZoneId zone = profile.map(OfficerProfile::zone).orElse(ZoneId.of("Asia/Jakarta"));
        model.put("zone", zone.getId());
        model.put("csrf", s.csrf());
        model.put("texts", WebController.json(Texts.forScripts(lang)));
        model.put("done", "acknowledge".equals(done) || "resolve".equals(done) ? done : null);
        model.put("error", error);
        List<Item> open = new ArrayList<>();
        List<Item> held = new ArrayList<>();
        List<Item> closed = new ArrayList<>();
        try {
            ListMessagesResponse r = relay.list(new Person(s.caller(), s.token()), SHOWN, "");
            String me = "officers/" + s.caller().subject();
            for (Message m : r.getMessagesList()) {
                Item item = item(m, me, lang, zone);
                switch (m.getState()) {
                    case MESSAGE_STATE_HELD -> held.add(item);
                    case MESSAGE_STATE_RESOLVED -> closed.add(item);
                    default -> open.add(item);
                }
            }
            model.put("unavailable", false);
        } catch (JedaException e) {
            model.put("unavailable", true);
        }
        model.put("open", open);
        model.put("held", held);
        model.put("closed", closed);
        return WebResponses.page(status, pages.render("messages", lang, model));
    }

    private static Item item(Message m, String me, String lang, ZoneId zone) {
        String when = switch (m.getState()) {
            case MESSAGE_STATE_HELD -> m.getReply().hasDeliverAt()
                    ? Texts.get(lang, "messages.heldUntil", time(m.getReply().getDeliverAt(), lang, zone))
                    : Texts.get(lang, "messages.heldUnknown");
            default -> m.hasDeliverTime() ? Texts.get(lang, "messages.deliveredAt", time(m.getDeliverTime(), lang, zone)) : "";
        };
        String respondBy = m.getReply().hasRespondBy() && m.getState() != MessageState.MESSAGE_STATE_RESOLVED
                ? Texts.get(lang, "messages.respondBy", time(m.getReply().getRespondBy(), lang, zone)) : "";
        String urgency = m.getUrgency().name().replace("URGENCY_", "");
        boolean mine = me.equals(m.getCurrentHandler());
        return new Item(m.getName().substring("messages/".length()), m.getSubject(), m.getText(),
                Texts.get(lang, "messages.urgency." + urgency), urgency.toLowerCase(Locale.ROOT),
                Texts.get(lang, "messages.state." + m.getState().name().replace("MESSAGE_STATE_", "")), when, respondBy,
                mine && m.getEscalationCount() > 0,
                mine && m.getState() == MessageState.MESSAGE_STATE_DELIVERED,
                mine && (m.getState() == MessageState.MESSAGE_STATE_DELIVERED
                        || m.getState() == MessageState.MESSAGE_STATE_ACKNOWLEDGED));
    }

    /** An instant in the officer's zone, with the zone's Indonesian abbreviation (WIB, WITA, WIT). */
    static String time(com.google.protobuf.Timestamp t, String lang, ZoneId zone) {
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        return DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", locale)
                .format(Instant.ofEpochSecond(t.getSeconds()).atZone(zone)) + " " + ZoneLabels.abbreviation(zone);
    }
}
