package io.jeda.relay.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The mails of an officer's email channel, stored in the outbox as their subject line, a blank line
 * and the plain text body ({@link #subject}, {@link #body} read them back).
 */
public final class Emails {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Emails() {
    }

    /** One message delivered to the officer; {@code from} is the previous handler on escalation. */
    public static String delivery(Message m, String from) {
        String subject = (m.urgency() == Urgency.ROUTINE ? "" : "[" + m.urgency().name() + "] ") + m.subject();
        StringBuilder body = new StringBuilder();
        if (from != null) {
            body.append("Passed on to you: officers/").append(from).append(" did not acknowledge it in time.\n\n");
        }
        body.append(m.text()).append("\n\n");
        footer(body, m);
        return compose(subject, body.toString());
    }

    /** The ROUTINE messages held until the officer's start of work, as one mail. */
    public static String digest(List<Message> messages) {
        String subject = messages.size() == 1 ? messages.get(0).subject()
                : messages.size() + " messages held until your working hours";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            body.append(i + 1).append(". ").append(m.subject()).append("\n\n").append(m.text()).append("\n\n");
            footer(body, m);
            body.append('\n');
        }
        return compose(subject, body.toString());
    }

    public static String subject(String mail) {
        int end = mail.indexOf("\n\n");
        return end < 0 ? mail : mail.substring(0, end);
    }

    public static String body(String mail) {
        int end = mail.indexOf("\n\n");
        return end < 0 ? "" : mail.substring(end + 2);
    }

    private static void footer(StringBuilder b, Message m) {
        b.append("-- ").append(m.urgency().name()).append(", messages/").append(m.id());
        Instant due = m.plan().respondBy();
        if (due != null && m.plan().timeZone() != null && !m.plan().timeZone().isEmpty()) {
            b.append(", respond by ").append(TIME.format(due.atZone(ZoneId.of(m.plan().timeZone()))))
                    .append(' ').append(m.plan().timeZone());
        }
        b.append('\n');
    }

    private static String compose(String subject, String body) {
        // One line: a subject never carries a header break.
        return subject.replaceAll("[\\r\\n]+", " ").strip() + "\n\n" + body;
    }
}
