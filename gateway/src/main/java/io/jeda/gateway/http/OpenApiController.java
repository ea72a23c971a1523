package io.jeda.gateway.http;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Serves the OpenAPI document that the compiler wrote from the controllers' annotations
 * ({@code META-INF/swagger/jeda-gateway.yml}, name set in the gateway's pom), at {@code /openapi.yml}
 * and without a token: AuthFilter guards only {@code /v1/**}. Read once; it cannot change at run time.
 */
@Controller
@Hidden
public class OpenApiController {

    static final String PATH = "/openapi.yml";
    static final String RESOURCE = "classpath:META-INF/swagger/jeda-gateway.yml";
    static final String MEDIA_TYPE = "application/yaml";

    private final byte[] document;

    public OpenApiController(ResourceResolver resources) {
        Optional<InputStream> in = resources.getResourceAsStream(RESOURCE);
        if (in.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " is missing: the build did not run the OpenAPI processor");
        }
        try (InputStream s = in.get()) {
            this.document = s.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = PATH, produces = MEDIA_TYPE)
    public HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(MEDIA_TYPE);
    }
}
