package io.jeda.gateway.http;

import io.jeda.gateway.v1.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of the errors Micronaut answers by itself, before or around a controller: an unknown path
 * (404), a method the path does not take (405), a body too large (413) or of the wrong type (415), a
 * query value that is not a number (400). They are problems like every other error of the API, with
 * a reason, never Micronaut's own JSON error shape.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemErrorBodies implements JsonErrorResponseBodyProvider<Problem> {

    private final long maxRequestBytes;

    public ProblemErrorBodies(@Value("${micronaut.server.max-request-size:10485760}") long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public String contentType() {
        return Problems.MEDIA_TYPE;
    }

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String route = context.getRequest().getMethodName() + " " + context.getRequest().getPath();
        Map<String, String> metadata = new LinkedHashMap<>();
        String detail = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        return switch (status) {
            case NOT_FOUND -> Problems.body(status, "NOT_FOUND", "PATH_NOT_FOUND",
                    "there is no " + route + "; the API's paths are listed in /openapi.yml", Map.of("path",
                            context.getRequest().getPath())).build();
            case METHOD_NOT_ALLOWED -> Problems.body(status, "UNIMPLEMENTED", "METHOD_NOT_ALLOWED",
                    context.getRequest().getMethodName() + " is not allowed on " + context.getRequest().getPath()
                            + "; the Allow header lists the methods it takes", Map.of("method",
                            context.getRequest().getMethodName())).build();
            case REQUEST_ENTITY_TOO_LARGE -> Problems.body(status, "RESOURCE_EXHAUSTED", "REQUEST_TOO_LARGE",
                    "the body is larger than " + maxRequestBytes + " bytes", Map.of("max",
                            String.valueOf(maxRequestBytes))).build();
            case UNSUPPORTED_MEDIA_TYPE -> Problems.body(status, "INVALID_ARGUMENT", "UNSUPPORTED_MEDIA_TYPE",
                    "the body must be sent as Content-Type: application/json", Map.of("contentType",
                            context.getRequest().getContentType().map(Object::toString).orElse(""))).build();
            case NOT_ACCEPTABLE -> Problems.body(status, "INVALID_ARGUMENT", "NOT_ACCEPTABLE",
                    "the API answers application/json (errors application/problem+json)", Map.of()).build();
            case BAD_REQUEST -> {
                context.getErrors().stream().map(Error::getPath).flatMap(java.util.Optional::stream).findFirst()
                        .ifPresent(p -> metadata.put("field", p));
                yield Problems.body(status, "INVALID_ARGUMENT", "INVALID_FIELD", detail, metadata).build();
            }
            default -> {
                if (status.getCode() >= 500) {
                    // Nothing of an unexpected failure reaches the caller but its kind.
                    yield Problems.body(status, "INTERNAL", "INTERNAL", "the gateway failed; try again later",
                            Map.of()).build();
                }
                yield Problems.body(status, status.name(), status.name(), detail, Map.of()).build();
            }
        };
    }
}
