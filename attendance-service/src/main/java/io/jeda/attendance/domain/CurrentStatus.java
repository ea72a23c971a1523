package io.jeda.attendance.domain;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Optional;

/**
 * What "checked in now?" answers for one officer: the open check-in, if any, and the most recent
 * check-out within the lookback, so that a caller (the gateway) can tell late work and owe a rest.
 *
 * @param open         the open check-in, or empty when the officer is not checked in
 * @param lastCheckOut the time of record of the latest check-out within
 *                     {@link AttendanceSettings#lastCheckOutLookback()}, or null when none
 */
public record CurrentStatus(Optional<OpenSession> open, @Nullable Instant lastCheckOut) {
}
