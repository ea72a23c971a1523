package io.jeda.gateway.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web app's scripts, styles, icons, its manifest and its service worker, from the classpath
 * folder {@code static/}. The service worker is served at {@code /sw.js} so that it may control the
 * whole app; assets are revalidated on each load (no build step puts hashes in their names).
 */
@Controller
public class AssetController {

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "webmanifest", "application/manifest+json");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Get("/sw.js")
    public MutableHttpResponse<byte[]> serviceWorker() {
        return asset("sw.js");
    }

    @Get("/manifest.webmanifest")
    public MutableHttpResponse<byte[]> manifest() {
        return asset("manifest.webmanifest");
    }

    @Get("/static/{name}")
    public MutableHttpResponse<byte[]> file(@PathVariable String name) {
        return asset(name);
    }

    private MutableHttpResponse<byte[]> asset(String name) {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null || !name.matches("[a-z0-9-]+\\.[a-z]+")) {
            return WebResponses.secured(HttpResponse.status(HttpStatus.NOT_FOUND));
        }
        byte[] body = cache.computeIfAbsent(name, AssetController::read);
        if (body.length == 0) {
            return WebResponses.secured(HttpResponse.status(HttpStatus.NOT_FOUND));
        }
        return WebResponses.secured(HttpResponse.ok(body)).contentType(type).header("Cache-Control", "no-cache");
    }

    private static byte[] read(String name) {
        try (InputStream in = AssetController.class.getClassLoader().getResourceAsStream("static/" + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
