package io.jeda.gateway.http;

import io.jeda.common.error.JedaException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Every failure of a use case on REST becomes a problem with the gRPC reason code and the matching status. */
@Produces(Problems.MEDIA_TYPE)
@Singleton
@Requires(classes = {JedaException.class, ExceptionHandler.class})
public class JedaExceptionHandler implements ExceptionHandler<JedaException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, JedaException exception) {
        return Problems.of(exception);
    }
}
