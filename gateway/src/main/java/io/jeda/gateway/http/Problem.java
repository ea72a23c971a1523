package io.jeda.gateway.http;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The shape of the {@code application/problem+json} bodies that {@link Problems} writes, for the
 * OpenAPI document only (Problems builds the JSON itself). Keep the two in step.
 */
@Schema(name = "Problem", description = "An error: RFC 9457 problem details plus the gRPC ErrorInfo reason and metadata.")
public record Problem(
        @Schema(description = "urn:jeda:problem:<REASON>", example = "urn:jeda:problem:INVALID_NIP") String type,
        @Schema(description = "The error kind, as the gRPC status code name", example = "INVALID_ARGUMENT") String title,
        @Schema(description = "The HTTP status code", example = "400") int status,
        @Schema(description = "What went wrong, for a person") String detail,
        @Schema(description = "The machine-readable reason code, the same as the gRPC ErrorInfo reason",
                example = "INVALID_NIP") String reason,
        @Schema(description = "The values named in the detail (field, max, retry_after_ms, ...)") Map<String, String> metadata) {
}
