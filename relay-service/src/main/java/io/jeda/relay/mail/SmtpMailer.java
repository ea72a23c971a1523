package io.jeda.relay.mail;

import io.jeda.relay.app.Mailer;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/** {@link Mailer} over SMTP with Jakarta Mail (Eclipse Angus), settings {@code jeda.relay.smtp.*}. */
@Singleton
public class SmtpMailer implements Mailer {

    private final String host;
    private final String user;
    private final String password;
    private final String from;
    private final String idDomain;
    private final Session session;

    public SmtpMailer(@Value("${jeda.relay.smtp.host:}") String host,
                      @Value("${jeda.relay.smtp.port:587}") int port,
                      @Value("${jeda.relay.smtp.starttls:true}") boolean starttls,
                      @Value("${jeda.relay.smtp.user:}") String user,
                      @Value("${jeda.relay.smtp.password:}") String password,
                      @Value("${jeda.relay.smtp.from:}") String from,
                      @Value("${jeda.relay.smtp.timeout:10s}") Duration timeout) {
        this.host = host == null ? "" : host.strip();
        this.user = user == null ? "" : user;
        this.password = password == null ? "" : password;
        this.from = from == null || from.isBlank() ? "jeda@localhost" : from.strip();
        this.idDomain = this.from.substring(this.from.lastIndexOf('@') + 1).replace(">", "");
        Properties p = new Properties();
        p.put("mail.smtp.host", this.host);
        p.put("mail.smtp.port", Integer.toString(port));
        // STARTTLS on: required, so credentials and mail never go out in the clear.
        p.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        p.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        p.put("mail.smtp.auth", Boolean.toString(!this.user.isEmpty()));
        String ms = Long.toString(timeout.toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        this.session = Session.getInstance(p);
    }

    @Override
    public boolean configured() {
        return !host.isEmpty();
    }

    @Override
    public String send(String eventId, String to, String subject, String body) {
        if (!configured()) {
            return "no SMTP relay is configured (JEDA_RELAY_SMTP_HOST)";
        }
        String messageId = "<" + eventId + "@" + idDomain + ">";
        try {
            MimeMessage mail = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mail.setFrom(new InternetAddress(from));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            mail.setSubject(subject, StandardCharsets.UTF_8.name());
            mail.setText(body, StandardCharsets.UTF_8.name());
            mail.setSentDate(new Date());
            if (user.isEmpty()) {
                Transport.send(mail);
            } else {
                Transport.send(mail, user, password);
            }
            return null;
        } catch (MessagingException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            return "the SMTP relay did not take the mail: " + why;
        }
    }
}
