/**
 * The gateway's one REST layer: controllers map query values and bodies to the use cases of
 * {@code app/} and return protobuf messages, written by {@link io.jeda.gateway.http.ProtoBodyHandler}
 * through the one JSON mapping {@link io.jeda.gateway.http.ProtoJson}; every error is a problem
 * ({@link io.jeda.gateway.http.Problems}, {@link io.jeda.gateway.http.ProblemErrorBodies}); the
 * contract is {@link io.jeda.gateway.http.OpenApiDocument}, served at {@code /openapi.yml}.
 */
package io.jeda.gateway.http;
