package io.jeda.gateway;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import java.time.Duration;

/** How a fake downstream service behaves: answers, stalls past any deadline, or fails. */
public enum FaultMode {
    NORMAL, SLOW, FAILING,
    /** Answers as NORMAL does, but only after the stall. */
    LATE;

    /** Applies the mode: false when the call was answered with an error (or stalled past any deadline). */
    boolean behave(StreamObserver<?> out, Duration stall) {
        switch (this) {
            case SLOW -> {
                try {
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.onError(Status.UNAVAILABLE.withDescription("stalled").asRuntimeException());
                return false;
            }
            case LATE -> {
                try {
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
            case FAILING -> {
                out.onError(Status.INTERNAL.withDescription("database on fire").asRuntimeException());
                return false;
            }
            default -> {
                return true;
            }
        }
    }
}
