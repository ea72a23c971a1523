package io.jeda.gateway.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.nio.charset.StandardCharsets;

/**
 * Serves the OpenAPI document ({@link OpenApiDocument}) at {@code /openapi.yml}, without a token:
 * AuthFilter guards only {@code /v1/**}. Made once; it cannot change at run time.
 */
@Controller
public class OpenApiController {

    static final String PATH = "/openapi.yml";
    static final String MEDIA_TYPE = "application/yaml";

    private final byte[] document = OpenApiDocument.yaml().getBytes(StandardCharsets.UTF_8);

    @Get(value = PATH, produces = MEDIA_TYPE)
    public HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(MEDIA_TYPE);
    }
}
