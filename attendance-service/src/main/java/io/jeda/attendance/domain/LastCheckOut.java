package io.jeda.attendance.domain;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/** One officer's most recent check-out, as read for status answers in one query for many officers. */
@Introspected
public record LastCheckOut(String officerNip, Instant lastCheckOut) {
}
