package io.jeda.common.error;

import io.grpc.Status;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one table that says what each {@link ErrorKind} is on the wire: its canonical gRPC code and
 * its HTTP status. The gRPC error interceptor, the REST problem bodies and the translation of a
 * downstream service's failure back into a kind all read it, so a kind means the same thing on
 * every edge.
 *
 * <pre>
 * kind                 gRPC                 HTTP
 * INVALID_ARGUMENT     INVALID_ARGUMENT     400
 * NOT_FOUND            NOT_FOUND            404
 * ALREADY_EXISTS       ALREADY_EXISTS       409  the resource's state refuses the request:
 * FAILED_PRECONDITION  FAILED_PRECONDITION  409  a conflict the client resolves by reading it again
 * PERMISSION_DENIED    PERMISSION_DENIED    403
 * UNAUTHENTICATED      UNAUTHENTICATED      401
 * RESOURCE_EXHAUSTED   RESOURCE_EXHAUSTED   429
 * UNAVAILABLE          UNAVAILABLE          503  a service behind did not answer: retry later
 * DEADLINE_EXCEEDED    DEADLINE_EXCEEDED    503
 * INTERNAL             INTERNAL             500
 * </pre>
 */
public final class ErrorTable {

    /** One line of the table. */
    public record Row(ErrorKind kind, Status.Code grpc, int http) {
    }

    private static final Map<ErrorKind, Row> ROWS = new EnumMap<>(ErrorKind.class);

    static {
        row(ErrorKind.INVALID_ARGUMENT, Status.Code.INVALID_ARGUMENT, 400);
        row(ErrorKind.NOT_FOUND, Status.Code.NOT_FOUND, 404);
        row(ErrorKind.ALREADY_EXISTS, Status.Code.ALREADY_EXISTS, 409);
        row(ErrorKind.FAILED_PRECONDITION, Status.Code.FAILED_PRECONDITION, 409);
        row(ErrorKind.PERMISSION_DENIED, Status.Code.PERMISSION_DENIED, 403);
        row(ErrorKind.UNAUTHENTICATED, Status.Code.UNAUTHENTICATED, 401);
        row(ErrorKind.RESOURCE_EXHAUSTED, Status.Code.RESOURCE_EXHAUSTED, 429);
        row(ErrorKind.UNAVAILABLE, Status.Code.UNAVAILABLE, 503);
        row(ErrorKind.DEADLINE_EXCEEDED, Status.Code.DEADLINE_EXCEEDED, 503);
        row(ErrorKind.INTERNAL, Status.Code.INTERNAL, 500);
    }

    private ErrorTable() {
    }

    private static void row(ErrorKind kind, Status.Code grpc, int http) {
        ROWS.put(kind, new Row(kind, grpc, http));
    }

    public static Row row(ErrorKind kind) {
        return ROWS.get(kind);
    }

    public static Status.Code grpcCode(ErrorKind kind) {
        return ROWS.get(kind).grpc();
    }

    public static int httpStatus(ErrorKind kind) {
        return ROWS.get(kind).http();
    }

    /**
     * The kind of a gRPC code a service behind answered with. Codes without a kind of their own are
     * folded into the nearest one: OUT_OF_RANGE is a bad argument, ABORTED (a concurrent change won)
     * a failed precondition, CANCELLED an unavailable service; anything else is INTERNAL.
     */
    public static ErrorKind kindOf(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> ErrorKind.INVALID_ARGUMENT;
            case NOT_FOUND -> ErrorKind.NOT_FOUND;
            case ALREADY_EXISTS -> ErrorKind.ALREADY_EXISTS;
            case FAILED_PRECONDITION, ABORTED -> ErrorKind.FAILED_PRECONDITION;
            case PERMISSION_DENIED -> ErrorKind.PERMISSION_DENIED;
            case UNAUTHENTICATED -> ErrorKind.UNAUTHENTICATED;
            case RESOURCE_EXHAUSTED -> ErrorKind.RESOURCE_EXHAUSTED;
            case UNAVAILABLE, CANCELLED -> ErrorKind.UNAVAILABLE;
            case DEADLINE_EXCEEDED -> ErrorKind.DEADLINE_EXCEEDED;
            default -> ErrorKind.INTERNAL;
        };
    }
}
