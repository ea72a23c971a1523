package io.jeda.gateway.http;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.jeda.common.error.JedaException;
import io.jeda.gateway.app.CalendarFeeds;
import io.jeda.gateway.app.CalendarFeeds.FeedLink;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/**
 * Calendar feeds: {@code GET /calendar/{secret}.ics} (no token: the secret URL is the credential, as
 * calendar apps subscribe by URL) and the API that makes and revokes the URLs.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class CalendarController {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final CalendarFeeds feeds;

    public CalendarController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Get("/calendar/{file}")
    public MutableHttpResponse<?> feed(@PathVariable String file) {
        if (!file.endsWith(".ics")) {
            return Problems.of(JedaException.notFound("calendar", file));
        }
        try {
            Optional<String> ics = feeds.render(file.substring(0, file.length() - 4));
            if (ics.isEmpty()) {
                // Unknown and revoked secrets look the same.
                return Problems.of(JedaException.notFound("calendar", "calendar"));
            }
            return HttpResponse.ok(ics.get()).header(HttpHeaders.CONTENT_TYPE, TEXT_CALENDAR)
                    .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").header("X-Robots-Tag", "noindex")
                    .header("Referrer-Policy", "no-referrer");
        } catch (JedaException e) {
            return Problems.of(e);
        }
    }

    @Post("/v1/me/calendar-feed")
    public Struct createMine(HttpRequest<?> request) {
        return json(feeds.createMine(AuthFilter.person(request), base(request)));
    }

    @Post("/v1/me/calendar-feed:revoke")
    public Struct revokeMine(HttpRequest<?> request) {
        return json(feeds.revokeMine(AuthFilter.person(request)));
    }

    @Post("/v1/rosters/{roster}/calendar-feed")
    public Struct createForRoster(HttpRequest<?> request, @PathVariable String roster) {
        return json(feeds.createForRoster(AuthFilter.person(request), roster, base(request)));
    }

    @Post("/v1/rosters/{roster}/calendar-feed:revoke")
    public Struct revokeForRoster(HttpRequest<?> request, @PathVariable String roster) {
        return json(feeds.revokeForRoster(AuthFilter.person(request), roster));
    }

    static Struct json(FeedLink f) {
        Struct.Builder b = Struct.newBuilder()
                .putFields("calendar", Value.newBuilder().setStringValue(f.calendar()).build())
                .putFields("url", Value.newBuilder().setStringValue(f.url()).build())
                .putFields("path", Value.newBuilder().setStringValue(f.path()).build())
                .putFields("revoked", Value.newBuilder().setNumberValue(f.revoked()).build());
        if (f.createTime() != null) {
            b.putFields("createTime", Value.newBuilder().setStringValue(f.createTime().toString()).build());
        }
        return b.build();
    }

    /** Where the caller reached the gateway (behind a proxy: its X-Forwarded-Proto and Host). */
    static String base(HttpRequest<?> request) {
        String proto = Optional.ofNullable(request.getHeaders().get("X-Forwarded-Proto")).orElse(
                request.isSecure() ? "https" : "http");
        String host = Optional.ofNullable(request.getHeaders().get("X-Forwarded-Host"))
                .orElse(request.getHeaders().get(HttpHeaders.HOST));
        return host == null ? "" : proto + "://" + host;
    }
}
