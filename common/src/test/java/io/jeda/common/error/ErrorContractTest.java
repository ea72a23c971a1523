package io.jeda.common.error;

import io.grpc.Status;
import io.jeda.common.grpc.StatusMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorContractTest {

    @ParameterizedTest
    @CsvSource({
            "retry_after_ms, retryAfterMs",
            "retry-after-ms, retryAfterMs",
            "retryAfterMs, retryAfterMs",
            "field, field",
            "MAX_DAYS, maxDays",
            "_leading, leading",
            "day_of_week, dayOfWeek"})
    void metadataKeysBecomeLowerCamelCase(String given, String expected) {
        assertEquals(expected, MetadataKeys.lowerCamel(given));
    }

    @Test
    void anExceptionCarriesLowerCamelKeysAndStillAnswersTheOldSpelling() {
        JedaException e = JedaException.of(ErrorKind.RESOURCE_EXHAUSTED, "RATE_LIMITED", "slow down",
                "retry_after_ms", "1500", "subject", "x");
        assertEquals(java.util.List.of("retryAfterMs", "subject"), java.util.List.copyOf(e.metadata().keySet()));
        assertEquals("1500", e.metadata().get("retryAfterMs"));
        assertEquals("1500", e.metadata().get("retry_after_ms"));
        assertTrue(e.metadata().containsKey("retry_after_ms"));
    }

    @Test
    void theGrpcErrorInfoCarriesLowerCamelKeys() {
        JedaException e = JedaException.invalidArgument("TOO_LONG", "too long", "max_chars", "200");
        var mapped = new StatusMapper("test").map(e);
        var info = io.grpc.protobuf.StatusProto.fromStatusAndTrailers(mapped.status(), mapped.trailers())
                .getDetails(0);
        assertTrue(info.is(com.google.rpc.ErrorInfo.class));
        try {
            assertEquals("200", info.unpack(com.google.rpc.ErrorInfo.class).getMetadataOrThrow("maxChars"));
        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void everyKindHasOneRowThatRoundTrips(ErrorKind kind) {
        ErrorTable.Row row = ErrorTable.row(kind);
        assertNotNull(row);
        assertEquals(kind, ErrorTable.kindOf(row.grpc()));
        assertEquals(row.grpc().value(), StatusMapper.code(kind).getNumber());
        assertTrue(row.http() >= 400 && row.http() < 600);
    }

    @ParameterizedTest
    @CsvSource({"INVALID_ARGUMENT, 400", "NOT_FOUND, 404", "FAILED_PRECONDITION, 409", "ALREADY_EXISTS, 409",
            "UNAUTHENTICATED, 401", "PERMISSION_DENIED, 403", "RESOURCE_EXHAUSTED, 429", "UNAVAILABLE, 503",
            "DEADLINE_EXCEEDED, 503", "INTERNAL, 500"})
    void httpStatuses(ErrorKind kind, int http) {
        assertEquals(http, ErrorTable.httpStatus(kind));
    }

    @Test
    void codesWithoutAKindOfTheirOwnFoldIntoTheNearest() {
        assertEquals(ErrorKind.FAILED_PRECONDITION, ErrorTable.kindOf(Status.Code.ABORTED));
        assertEquals(ErrorKind.INVALID_ARGUMENT, ErrorTable.kindOf(Status.Code.OUT_OF_RANGE));
        assertEquals(ErrorKind.UNAVAILABLE, ErrorTable.kindOf(Status.Code.CANCELLED));
        assertEquals(ErrorKind.INTERNAL, ErrorTable.kindOf(Status.Code.DATA_LOSS));
    }

    @Test
    void problemBodyCarriesReasonLowerCamelMetadataAndRetryAfter() {
        JedaException e = JedaException.of(ErrorKind.RESOURCE_EXHAUSTED, "RATE_LIMITED", "wait \"a bit\"",
                "retry_after_ms", "1500");
        ProblemBody p = ProblemBody.of(e);
        assertEquals(429, p.status());
        assertEquals(2, p.retryAfterSeconds().orElseThrow());
        assertEquals("{\"type\":\"urn:jeda:problem:RATE_LIMITED\",\"title\":\"RESOURCE_EXHAUSTED\",\"status\":429,"
                + "\"detail\":\"wait \\\"a bit\\\"\",\"reason\":\"RATE_LIMITED\",\"metadata\":{\"retryAfterMs\":\"1500\"}}",
                p.json());
    }

    @Test
    void problemBodyListsEveryViolation() {
        JedaException e = JedaException.violations(ErrorKind.FAILED_PRECONDITION, "PLAN_REFUSED", "refused",
                java.util.List.of(new Violation("TOO_MANY_REMOTE_DAYS", "days", "3 > 2"),
                        new Violation("OUTSIDE_WINDOW", "start", "late")));
        String json = ProblemBody.of(e).json();
        assertTrue(json.contains("\"violations\":[{\"reason\":\"TOO_MANY_REMOTE_DAYS\",\"subject\":\"days\","
                + "\"message\":\"3 > 2\"},{\"reason\":\"OUTSIDE_WINDOW\""), json);
        assertEquals(409, ProblemBody.of(e).status());
    }
}
