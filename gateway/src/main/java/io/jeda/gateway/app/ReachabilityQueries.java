package io.jeda.gateway.app;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.gateway.GatewaySettings;
import io.jeda.gateway.audit.AuditEntry;
import io.jeda.gateway.audit.AuditLog;
import io.jeda.gateway.audit.EntryIds;
import io.jeda.gateway.client.AnswerBudget;
import io.jeda.gateway.client.AttendanceSource;
import io.jeda.gateway.client.PolicyClient;
import io.jeda.gateway.observability.GatewayMetrics;
import io.jeda.common.names.Nip;
import io.jeda.gateway.reachability.OfficerProfile;
import io.jeda.gateway.reachability.Reachability;
import io.jeda.gateway.reachability.ReachabilityData;
import io.jeda.gateway.reachability.ReachabilityEngine;
import io.jeda.gateway.reachability.ReachabilityQuery;
import io.jeda.gateway.reachability.Sourced;
import io.jeda.gateway.reachability.Urgency;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The gateway's reachability use cases, shared by gRPC and REST so that both give the same answer:
 * authorization, request bounds, one time budget per request towards the services behind, the
 * engine, and the audit record of every answer. Transport-free: both edges map in and out.
 */
@Singleton
public class ReachabilityQueries {

    /** Roles that may ask about reachability (ADMIN and SERVICE are always allowed). */
    private static final Role[] ASKERS = {Role.AGENCY, Role.MANAGER, Role.OFFICER};

    /** An answer plus the profiles of the officers it names, for display names and zones. */
    public record Answered(Reachability answer, Map<String, OfficerProfile> profiles) {
    }

    /** Answers of a batch in request order, and the officers that do not exist. */
    public record Batch(List<Answered> answers, List<String> notFound) {
    }

    /** One page of a unit's answers. */
    public record Page(List<Answered> answers, String nextPageToken) {
    }

    private final ReachabilityEngine engine;
    private final ReachabilityData data;
    private final PolicyClient policy;
    private final AttendanceSource attendance;
    private final AuditLog audit;
    private final GatewaySettings settings;
    private final Clock clock;
    private final GatewayMetrics metrics;

    public ReachabilityQueries(ReachabilityEngine engine, ReachabilityData data, PolicyClient policy,
                               AttendanceSource attendance, AuditLog audit, GatewaySettings settings, Clock clock,
                               GatewayMetrics metrics) {
        this.engine = engine;
        this.data = data;
        this.policy = policy;
        this.attendance = attendance;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Answered get(Caller caller, String nip, Urgency urgency, Instant at) {
        caller.requireAny(ASKERS);
        Nip.require(nip, clock);
        checkTime(at);
        Answered a = AnswerBudget.run(settings.answerBudget(), () -> answer(nip, urgency, at, ownView(caller, nip)));
        audit.append(List.of(entry(caller, a.answer())));
        return a;
    }

    /**
     * The same answer as {@link #get}, but only if it can be given without waiting for anything: every
     * read a cache hit and the audit entry queued (not written). Null otherwise, having changed nothing,
     * and the caller then asks {@link #get} where waiting is allowed. Refusals (bad input, a caller
     * who may not ask) are thrown as from {@link #get}.
     */
    public Answered getWithoutWaiting(Caller caller, String nip, Urgency urgency, Instant at) {
        caller.requireAny(ASKERS);
        Nip.require(nip, clock);
        checkTime(at);
        if (!audit.queues()) {
            return null;
        }
        Answered a = AnswerBudget.runWithoutWaiting(settings.answerBudget(),
                () -> answer(nip, urgency, at, ownView(caller, nip)));
        if (a == null) {
            return null;
        }
        // A full queue means the entry must be written before the answer goes out: not here.
        return audit.offer(entry(caller, a.answer())) ? a : null;
    }

    public Batch batch(Caller caller, List<String> nips, Urgency urgency, Instant at) {
        caller.requireAny(ASKERS);
        if (nips.isEmpty() || nips.size() > settings.maxBatch()) {
            throw JedaException.invalidArgument("BATCH_SIZE_OUT_OF_RANGE",
                    "officers must list 1 to " + settings.maxBatch() + " officers", "field", "officers",
                    "max", String.valueOf(settings.maxBatch()));
        }
        nips.forEach(n -> Nip.require(n, clock));
        checkTime(at);
        Instant t = at != null ? at : clock.instant();
        Batch b = AnswerBudget.run(settings.listBudget(), () -> {
            List<Answered> answers = new ArrayList<>();
            List<String> notFound = new ArrayList<>();
            attendance.prefetch(nips);
            for (String nip : new LinkedHashSet<>(nips)) {
                try {
                    answers.add(answer(nip, urgency, t, ownView(caller, nip)));
                } catch (JedaException e) {
                    if (e.kind() != ErrorKind.NOT_FOUND) {
                        throw e;
                    }
                    notFound.add(nip);
                }
            }
            return new Batch(answers, notFound);
        });
        audit.append(b.answers().stream().map(a -> entry(caller, a.answer())).toList());
        return b;
    }

    @SuppressWarnings("deprecation") // nextToken: the offset here is a NIP's index, not a count of rows returned
    public Page unit(Caller caller, String unitId, Urgency urgency, boolean includeSubUnits, boolean reachableOnly,
                     PageRequest page) {
        caller.requireAny(ASKERS);
        Instant t = clock.instant();
        Page p = AnswerBudget.run(settings.listBudget(), () -> {
            List<String> nips = policy.unitOfficers(unitId, includeSubUnits);
            List<Answered> out = new ArrayList<>();
            long i = page.offset();
            if (i < nips.size()) {
                attendance.prefetch(nips.subList((int) i, (int) Math.min(nips.size(), i + page.size())));
            }
            while (i < nips.size() && out.size() < page.size()) {
                String nip = nips.get((int) i++);
                try {
                    Answered a = answer(nip, urgency, t, ownView(caller, nip));
                    if (!reachableOnly || a.answer().reachable()) {
                        out.add(a);
                    }
                } catch (JedaException e) {
                    if (e.kind() != ErrorKind.NOT_FOUND) {
                        throw e;
                    }
                }
            }
            // The next page starts at the next NIP not looked at (reachableOnly skips some), with this request's filters.
            String next = i < nips.size() ? new PageRequest(1, i - 1, page.filterHash()).nextToken(1) : "";
            return new Page(out, next);
        });
        audit.append(p.answers().stream().map(a -> entry(caller, a.answer())).toList());
        return p;
    }

    /**
     * Whether the answer is the officer's own view, whose reasons may tell attendance detail (when
     * they checked in or out). Agency systems, managers, services and other officers never get it.
     */
    private static boolean ownView(Caller caller, String nip) {
        return caller.isOfficer(nip) && !caller.has(Role.AGENCY);
    }

    private Answered answer(String nip, Urgency urgency, Instant at, boolean ownView) {
        Reachability r = engine.answer(new ReachabilityQuery(nip, at, urgency, null, ownView));
        Map<String, OfficerProfile> profiles = new HashMap<>();
        profile(r.nip(), profiles);
        if (r.contactInstead() != null) {
            profile(r.contactInstead().nip(), profiles);
        }
        // Counted once the answer is complete: an attempt without waiting may still give up above.
        metrics.answered(r);
        return new Answered(r, profiles);
    }

    private void profile(String nip, Map<String, OfficerProfile> into) {
        Sourced<OfficerProfile> p = data.officer(nip);
        p.present().ifPresent(v -> into.put(nip, v));
    }

    private void checkTime(Instant at) {
        if (at == null) {
            return;
        }
        Duration off = Duration.between(clock.instant(), at).abs();
        if (off.compareTo(settings.maxTimeOffset()) > 0) {
            throw JedaException.invalidArgument("TIME_OUT_OF_RANGE",
                    "time must be within " + settings.maxTimeOffset().toDays() + " days of now", "field", "time");
        }
    }

    private AuditEntry entry(Caller caller, Reachability r) {
        return new AuditEntry(null, clock.instant(), caller.subject(), r.nip(), r.urgency().name(), r.state().name(),
                r.reachable(), r.degraded(), EntryIds.next(clock));
    }
}
