package io.jeda.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import java.util.TimeZone;

/**
 * The gateway: the one service exposed to agency systems, officers and managers. It answers
 * reachability questions from policy-service and attendance-service data, audits every answer and
 * limits each client's rate.
 */
@OpenAPIDefinition(
        info = @Info(title = "Jeda gateway", version = "v1",
                description = "May this officer be contacted now, and if not, when or whom instead? REST/JSON twin "
                        + "of the jeda.gateway.v1 gRPC API: the same requests and answers, in protobuf's JSON "
                        + "mapping (lowerCamelCase fields, enum names, RFC 3339 UTC timestamps). Errors are "
                        + "application/problem+json with the same reason codes as the gRPC ErrorInfo."),
        security = @SecurityRequirement(name = GatewayApplication.BEARER))
@SecurityScheme(name = GatewayApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT",
        description = "A JWT from the government identity provider (officers, managers) or an OAuth2 "
                + "client-credentials token (agency systems), sent as Authorization: Bearer <token>.")
public final class GatewayApplication {

    /** Name of the bearer JWT security scheme in the OpenAPI document. */
    public static final String BEARER = "bearerAuth";

    private GatewayApplication() {
    }

    public static void main(String[] args) {
        // Instants are stored as UTC wall time; the JVM zone must not leak into the database.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        // No ASCII-art banner: with JEDA_LOG_FORMAT=json every line on stdout must be a JSON object.
        Micronaut.build(args).mainClass(GatewayApplication.class).banner(false).start();
    }
}
