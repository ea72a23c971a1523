package io.jeda.attendance.domain;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What became of a check-in or check-out handed to the store, decided by the transaction that
 * wrote it (or by the writer that could not take it): stored now, stored before under the same
 * idempotency key, or refused with a reason. The use case answers from it without reading again.
 */
public sealed interface WriteOutcome permits WriteOutcome.Stored, WriteOutcome.Replayed, WriteOutcome.Refused {

    /**
     * The value of whichever function fits this outcome: one function per kind, so a new kind of
     * outcome cannot be forgotten by a caller (Java 17 has no pattern switch to check that).
     */
    <T> T fold(Function<Stored, T> stored, Function<Replayed, T> replayed, Function<Refused, T> refused);

    /** The event was stored by this write (a check-out names the check-in it closed). */
    record Stored(AttendanceEvent event) implements WriteOutcome {

        @Override
        public <T> T fold(Function<Stored, T> stored, Function<Replayed, T> replayed, Function<Refused, T> refused) {
            return stored.apply(this);
        }
    }

    /**
     * The officer's idempotency key was already taken: nothing new was stored, and this is the
     * event stored under the key (the first result, when the request is the same).
     */
    record Replayed(AttendanceEvent first) implements WriteOutcome {

        @Override
        public <T> T fold(Function<Stored, T> stored, Function<Replayed, T> replayed, Function<Refused, T> refused) {
            return replayed.apply(this);
        }
    }

    /** Nothing was stored; {@code details} are the values the reason speaks of, by lowerCamelCase key. */
    record Refused(Reason reason, Map<String, String> details) implements WriteOutcome {

        public Refused {
            details = Map.copyOf(details);
        }

        public Refused(Reason reason) {
            this(reason, Map.of());
        }

        @Override
        public <T> T fold(Function<Stored, T> stored, Function<Replayed, T> replayed, Function<Refused, T> refused) {
            return refused.apply(this);
        }

        /** The refusal as the error a caller receives. */
        public JedaException toException() {
            List<Map.Entry<String, String>> sorted = details.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .toList();
            String[] keyValues = sorted.stream().flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                    .toArray(String[]::new);
            String message = sorted.isEmpty() ? reason.message() : reason.message() + " ("
                    + sorted.stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
            return JedaException.of(reason.kind(), reason.name(), message, keyValues);
        }
    }

    /**
     * Why a write stored nothing. The definitive reasons are facts about the officer's attendance
     * that a retry would meet again; the transient ones say only that the write was not taken (or
     * not confirmed) in time, and a retry with the same key gets the stored result if it did commit.
     */
    enum Reason {
        /** A check-in while the officer has one open. */
        ALREADY_CHECKED_IN(ErrorKind.FAILED_PRECONDITION, "the officer is already checked in; check out first"),
        /** A check-out with no open check-in (or not the one it names). */
        NOT_CHECKED_IN(ErrorKind.FAILED_PRECONDITION, "the officer has no open check-in to close"),
        /** A check-out whose time of record is earlier than the open check-in's. */
        CHECK_OUT_BEFORE_CHECK_IN(ErrorKind.FAILED_PRECONDITION, "the check-out time is before the open check-in"),
        /** Too many writes waiting: refused at once, before anything was queued. */
        WRITE_QUEUE_FULL(ErrorKind.RESOURCE_EXHAUSTED,
                "too many check-ins and check-outs are waiting to be stored; retry shortly"),
        /** Not confirmed in time: the write may still commit; retry with the same idempotency key. */
        WRITE_TIMEOUT(ErrorKind.UNAVAILABLE, "the check could not be stored in time; retry with the same key"),
        /** The service is shutting down. */
        WRITER_STOPPED(ErrorKind.UNAVAILABLE, "attendance-service is shutting down; retry");

        private final ErrorKind kind;
        private final String message;

        Reason(ErrorKind kind, String message) {
            this.kind = kind;
            this.message = message;
        }

        public ErrorKind kind() {
            return kind;
        }

        public String message() {
            return message;
        }

        /** Whether a retry of the same request may succeed. */
        public boolean isTransient() {
            return kind != ErrorKind.FAILED_PRECONDITION;
        }
    }
}
