package io.jeda.gateway.audit;

import io.jeda.common.paging.PageRequest;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import jakarta.inject.Singleton;

import java.util.List;

/** "Who asked about me": an officer (or an admin) reads the audit log of answers about that officer. */
@Singleton
public class Inquiries {

    private final AuditRepository repository;
    private final AuditLog log;

    public Inquiries(AuditRepository repository, AuditLog log) {
        this.repository = repository;
        this.log = log;
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
        return repository.listByOfficer(nip, page.fetchSize(), page.offset());
    }
}
