package io.jeda.gateway.http;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.ProblemBody;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The body of the errors Micronaut answers by itself, before or around a controller: an unknown path
 * (404), a method the path does not take (405), a body too large (413) or of the wrong type (415), a
 * query value of the wrong type (400). They are problems like every other error of the API, with a
 * reason, never Micronaut's own JSON error shape. 405, 406, 413 and 415 have no kind in common's
 * error table, so the nearest kind makes the body and its {@code status} member is the real one.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemErrorBodies implements JsonErrorResponseBodyProvider<String> {

    private final long maxRequestBytes;

    public ProblemErrorBodies(@Value("${micronaut.server.max-request-size:10485760}") long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public String contentType() {
        return Problems.MEDIA_TYPE;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        JedaException e = problem(context, status);
        String json = ProblemBody.of(e).json();
        if (ProblemBody.of(e).status() == status.getCode()) {
            return json;
        }
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        o.addProperty("status", status.getCode());
        return o.toString();
    }

    private JedaException problem(ErrorContext context, HttpStatus status) {
        HttpRequest<?> request = context.getRequest();
        String method = request.getMethodName();
        String path = request.getPath();
        return switch (status) {
            case NOT_FOUND -> JedaException.of(ErrorKind.NOT_FOUND, "PATH_NOT_FOUND",
                    "there is no " + method + " " + path + "; /openapi.yml lists the API's paths", "path", path);
            case METHOD_NOT_ALLOWED -> JedaException.of(ErrorKind.INVALID_ARGUMENT, "METHOD_NOT_ALLOWED",
                    method + " is not allowed on " + path + "; the Allow header lists the methods it takes",
                    "method", method, "path", path);
            case REQUEST_ENTITY_TOO_LARGE -> JedaException.of(ErrorKind.RESOURCE_EXHAUSTED, "REQUEST_TOO_LARGE",
                    "the body is larger than the " + maxRequestBytes + " bytes the gateway reads", "max",
                    String.valueOf(maxRequestBytes));
            case UNSUPPORTED_MEDIA_TYPE -> JedaException.of(ErrorKind.INVALID_ARGUMENT, "UNSUPPORTED_MEDIA_TYPE",
                    "send the body as Content-Type: application/json", "contentType",
                    request.getContentType().map(Object::toString).orElse(""));
            case NOT_ACCEPTABLE -> JedaException.of(ErrorKind.INVALID_ARGUMENT, "NOT_ACCEPTABLE",
                    "the API answers application/json, and errors application/problem+json");
            case BAD_REQUEST -> {
                String detail = context.getErrors().stream().map(Error::getMessage).findFirst()
                        .orElse("the request is malformed");
                Optional<String> field = context.getErrors().stream().map(Error::getPath).flatMap(Optional::stream)
                        .findFirst();
                yield field.isPresent() ? JedaException.of(ErrorKind.INVALID_ARGUMENT, "INVALID_FIELD", detail, "field",
                        field.get()) : JedaException.of(ErrorKind.INVALID_ARGUMENT, "INVALID_REQUEST", detail);
            }
            // Nothing of an unexpected failure reaches the caller but its kind.
            default -> JedaException.of(status.getCode() >= 500 ? ErrorKind.INTERNAL : ErrorKind.INVALID_ARGUMENT,
                    status.getCode() >= 500 ? "INTERNAL" : status.name(), status.getCode() >= 500
                            ? "the gateway failed; try again later" : status.getReason());
        };
    }
}
