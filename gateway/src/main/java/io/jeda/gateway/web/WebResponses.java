package io.jeda.gateway.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.net.URI;

/** The headers every page and asset of the web app is sent with. */
final class WebResponses {

    /** Scripts and styles only from files of this origin: no inline script, no eval, no other site. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private WebResponses() {
    }

    static MutableHttpResponse<String> page(HttpStatus status, String html) {
        return secured(HttpResponse.<String>status(status).body(html)
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8"))
                .header("Cache-Control", "no-store");
    }

    static <T> MutableHttpResponse<T> secured(MutableHttpResponse<T> r) {
        return r.header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("X-Frame-Options", "DENY");
    }

    static MutableHttpResponse<String> redirect(String to) {
        return secured(HttpResponse.<String>seeOther(URI.create(to))).header("Cache-Control", "no-store");
    }
}
