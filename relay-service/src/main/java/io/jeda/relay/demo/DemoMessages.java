package io.jeda.relay.demo;

import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.relay.app.MessageUseCases;
import io.jeda.relay.app.RelayClock;
import io.jeda.relay.app.WebhookUseCases;
import io.jeda.relay.domain.MessageDraft;
import io.jeda.relay.domain.ReachabilityLookup;
import io.jeda.relay.domain.Urgency;
import io.jeda.relay.domain.Webhook;
import io.jeda.relay.persistence.MessageStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Demo messages for local runs ({@code JEDA_DEMO=true}, as {@code ./jeda up} sets): the demo agency
 * {@code complaint-desk-app} registers a webhook at the local receiver ({@code ./jeda receiver}) and
 * hands Jeda three ROUTINE messages for Siti Rahmawati and one EMERGENCY for the complaint desk's
 * roster. With the demo clock at night (application-dev.yml) the ROUTINE ones are held until her next
 * start of work and arrive then as one digest; the EMERGENCY goes to the officer on call and, not
 * acknowledged, on to the backup. Made once, through the same use cases as any submission, as soon
 * as the gateway answers; a restart finds them by their references and adds nothing.
 */
@Singleton
@Requires(property = "jeda.demo.enabled", value = "true")
public class DemoMessages {

    static final String AGENCY = "complaint-desk-app";
    static final String SITI = "199001012015032001";
    static final String DESK_ROSTER = "piket-pengaduan-beltim";

    private static final Logger LOG = LoggerFactory.getLogger(DemoMessages.class);

    private final MessageUseCases messages;
    private final WebhookUseCases webhooks;
    private final MessageStore store;
    private final ReachabilityLookup reachability;
    private final RelayClock clock;
    private final String webhookUrl;
    private final Path secretFile;
    private final AtomicBoolean done = new AtomicBoolean();

    public DemoMessages(MessageUseCases messages, WebhookUseCases webhooks, MessageStore store,
                        ReachabilityLookup reachability, RelayClock clock,
                        @Value("${jeda.relay.demo.webhook-url:`http://127.0.0.1:9099/hooks`}") String webhookUrl,
                        @Value("${jeda.relay.demo.secret-file:.jeda/demo-webhook-secret}") String secretFile) {
        this.messages = messages;
        this.webhooks = webhooks;
        this.store = store;
        this.reachability = reachability;
        this.clock = clock;
        this.webhookUrl = webhookUrl;
        this.secretFile = Path.of(secretFile);
    }

    @Scheduled(fixedDelay = "10s", initialDelay = "10s")
    void seed() {
        if (done.get()) {
            return;
        }
        try {
            if (store.findByReference(AGENCY, "demo-routine-1").isPresent()) {
                done.set(true);
                return;
            }
            // Only once the gateway answers: a demo message should show a real automatic reply.
            if (reachability.ask(SITI, Urgency.ROUTINE, clock.moved() ? clock.now() : null).isEmpty()) {
                LOG.info("demo messages wait for the gateway");
                return;
            }
            Caller agency = new Caller(AGENCY, Set.of(Role.AGENCY));
            Webhook hook = webhooks.register(agency, webhookUrl);
            Files.createDirectories(secretFile.toAbsolutePath().getParent());
            Files.writeString(secretFile, hook.secret() + "\n");
            String[][] routine = {
                    {"Jalan rusak di RT 04 Manggar", "Warga melaporkan lubang besar di jalan RT 04; mohon dijadwalkan perbaikan."},
                    {"Lampu jalan mati di Jl. Sudirman", "Tiga lampu jalan mati sejak Senin."},
                    {"Permohonan data SPBE", "Mohon data indeks SPBE 2026 untuk laporan triwulan."}};
            for (int i = 0; i < routine.length; i++) {
                messages.submit(agency, new MessageDraft(AGENCY, SITI, Urgency.ROUTINE, routine[i][0], routine[i][1],
                        "demo-routine-" + (i + 1), hook.id(), null));
            }
            messages.submit(agency, new MessageDraft(AGENCY, null, Urgency.EMERGENCY, "Banjir di Kelurahan Manggar",
                    "Air setinggi 50 cm masuk ke rumah warga di RT 04; warga minta bantuan evakuasi.", "demo-emergency-1",
                    hook.id(), DESK_ROSTER));
            LOG.info("demo messages handed to Jeda at {} (relay clock); webhook {} (secret in {})", clock.now(),
                    webhookUrl, secretFile);
            done.set(true);
        } catch (IOException | RuntimeException e) {
            LOG.warn("demo messages not made yet: {}", e.toString());
        }
    }
}
