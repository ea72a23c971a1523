package io.jeda.common.error;

/**
 * The canonical kinds of failure a domain rule can report. They mirror the gRPC canonical codes
 * (and their HTTP equivalents) without depending on gRPC, so domain code stays transport-free.
 */
public enum ErrorKind {
    INVALID_ARGUMENT,
    NOT_FOUND,
    ALREADY_EXISTS,
    FAILED_PRECONDITION,
    PERMISSION_DENIED,
    UNAUTHENTICATED,
    RESOURCE_EXHAUSTED,
    UNAVAILABLE,
    DEADLINE_EXCEEDED,
    INTERNAL
}
