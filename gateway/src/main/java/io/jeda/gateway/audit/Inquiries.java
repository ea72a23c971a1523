package io.jeda.gateway.audit;

import io.jeda.common.paging.PageRequest;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import jakarta.inject.Singleton;

import io.micronaut.context.annotation.Value;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * "Who asked about me": an officer (or an admin) reads the audit log of answers about that officer,
 * over the last {@code jeda.gateway.audit.inquiries.window} (31 days unless set; 0: all kept).
 */
@Singleton
public class Inquiries {

    private final AuditRepository repository;
    private final AuditLog log;
    private final Clock clock;
    private final Duration window;

    public Inquiries(AuditRepository repository, AuditLog log, Clock clock,
                     @Value("${jeda.gateway.audit.inquiries.window:31d}") Duration window) {
        this.repository = repository;
        this.log = log;
        this.clock = clock;
        this.window = window;
    }

    /** One page and one row more (so the last page gets no next-page token), newest first. Agency systems and other officers are refused: the log is the officer's. */
    public List<AuditEntry> list(Caller caller, String nip, PageRequest page) {
        // As on every /v1/me route: a token that holds AGENCY is an agency system's, whatever else it holds.
        if (caller.has(Role.AGENCY)) {
            throw JedaException.permissionDenied("AGENCY_NOT_ALLOWED",
                    "agency systems may ask about reachability only, never who asked about an officer",
                    "subject", caller.subject());
        }
        if (!caller.isAdmin() && !caller.isOfficer(nip)) {
            throw JedaException.permissionDenied("NOT_OWN_INQUIRIES",
                    "only the officer themself or an admin may list who asked about an officer",
                    "subject", caller.subject());
        }
        // The answers still queued would otherwise be missing from the officer's view for a moment.
        log.flush();
        // The window (a setting; 0: everything kept) and a day of margin for clocks ahead.
        Instant now = clock.instant();
        Instant since = window.isZero() || window.isNegative() ? Instant.EPOCH : now.minus(window);
        return repository.listByOfficer(nip, since, now.plus(Duration.ofDays(1)), page.fetchSize(), page.offset());
    }
}
