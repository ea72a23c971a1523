package io.jeda.gateway.http;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.sql.SqlErrors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Failures no more specific handler takes (Micronaut's own handlers and {@link JedaExceptionHandler}
 * are): when the gateway's database cannot be reached, a 503 problem with the reason
 * DATABASE_UNAVAILABLE and Retry-After, which clients retry; anything else a 500 problem with an
 * incident id that is logged here, as the gRPC edge answers INTERNAL.
 */
@Produces(Problems.MEDIA_TYPE)
@Singleton
public class UnexpectedFailureHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailureHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        return SqlErrors.unavailable(exception).map(e -> {
            LOG.warn("{} {}: the database cannot be reached: {}", request.getMethodName(), request.getPath(),
                    exception.toString());
            return Problems.of(e);
        }).orElseGet(() -> {
            String incident = UUID.randomUUID().toString();
            LOG.error("{} {} failed, incident {}", request.getMethodName(), request.getPath(), incident, exception);
            return Problems.of(JedaException.of(ErrorKind.INTERNAL, "INTERNAL",
                    "the gateway failed; incident " + incident, "incident", incident));
        });
    }
}
