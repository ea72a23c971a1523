package io.jeda.gateway.web;

import io.jeda.common.error.JedaException;
import io.jeda.gateway.http.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Optional;

/**
 * Lets the web app's pages call the public REST API ({@code /v1/**}) with the session cookie
 * instead of a bearer header: the cookie's token becomes the Authorization header before the API's
 * own authentication runs, so the API checks the caller exactly as for any other client. A request
 * that already carries an Authorization header is left alone. A state-changing request made with
 * the cookie must come from this origin and carry the page's CSRF token.
 */
@ServerFilter("/v1/**")
public class SessionFilter implements Ordered {

    private final WebSession sessions;

    public SessionFilter(WebSession sessions) {
        this.sessions = sessions;
    }

    @Override
    public int getOrder() {
        // After the request id is assigned, before the API's authentication (which runs at order 0).
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> fromCookie(MutableHttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return null;
        }
        Optional<WebSession.Session> session = sessions.of(request);
        if (session.isEmpty()) {
            return null;
        }
        HttpMethod m = request.getMethod();
        boolean safe = m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
        if (!safe) {
            if (!WebSession.sameOrigin(request)) {
                return Problems.of(JedaException.permissionDenied("CROSS_ORIGIN_REQUEST",
                        "a request made with the session cookie must come from this site's own pages"));
            }
            if (!WebSession.csrfMatches(session.get(), request.getHeaders().get(WebSession.CSRF_HEADER))) {
                return Problems.of(JedaException.permissionDenied("CSRF_TOKEN_INVALID",
                        "a request made with the session cookie needs the page's " + WebSession.CSRF_HEADER
                                + " header; reload the page and try again"));
            }
        }
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + session.get().token());
        return null;
    }
}
