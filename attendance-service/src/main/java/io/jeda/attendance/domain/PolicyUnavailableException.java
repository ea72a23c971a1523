package io.jeda.attendance.domain;

/**
 * policy-service did not answer in time or failed. Attendance then accepts what it can and flags
 * it, because an officer's check-in must never be lost to another service's outage.
 */
public class PolicyUnavailableException extends RuntimeException {

    public PolicyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
