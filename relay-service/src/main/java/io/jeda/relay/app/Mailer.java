package io.jeda.relay.app;

/** Sends one plain-text mail through the configured SMTP relay. */
public interface Mailer {

    /** True when an SMTP relay is configured ({@code JEDA_RELAY_SMTP_HOST}). */
    boolean configured();

    /**
     * Sends the mail with the Message-ID made from {@code eventId} (the same on every attempt, so a
     * reader or mail system can recognise a repeat). Null on success, else a sentence saying what failed.
     */
    String send(String eventId, String to, String subject, String body);
}
