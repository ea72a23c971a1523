package io.jeda.relay.domain;

/**
 * Who is on call for a roster now.
 *
 * @param rosterId    the roster
 * @param displayName the function's name, e.g. "Piket Pengaduan 24/7" ("" when unknown)
 * @param primary     NIP of the primary on call
 * @param backup      NIP of the backup (null when none)
 */
public record OnCall(String rosterId, String displayName, String primary, String backup) {
}
