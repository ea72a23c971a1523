package io.jeda.gateway.app;

import io.jeda.common.names.OfficerName;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.gateway.audit.AuditEntry;
import io.jeda.gateway.audit.Inquiries;
import io.jeda.gateway.reachability.Urgency;
import io.jeda.gateway.v1.BatchGetReachabilityRequest;
import io.jeda.gateway.v1.BatchGetReachabilityResponse;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ListInquiriesRequest;
import io.jeda.gateway.v1.ListInquiriesResponse;
import io.jeda.gateway.v1.ListUnitReachabilityRequest;
import io.jeda.gateway.v1.ListUnitReachabilityResponse;
import io.jeda.gateway.v1.Reachability;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The jeda.gateway.v1 API as plain methods (request message in, response message out, for a given
 * caller). The gRPC endpoints and the REST controllers both call it, so the same request gets the
 * same answer, field for field, on either transport.
 */
@Singleton
public class ReachabilityApi {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 500;

    private final ReachabilityQueries queries;
    private final Inquiries inquiries;

    public ReachabilityApi(ReachabilityQueries queries, Inquiries inquiries) {
        this.queries = queries;
        this.inquiries = inquiries;
    }

    /** One GetReachability question, checked. */
    private record Question(String nip, Urgency urgency, Instant at) {
        static Question of(GetReachabilityRequest req) {
            return new Question(ReachabilityMapper.nip(req.getOfficer(), "officer"),
                    ReachabilityMapper.urgency(req.getUrgency()),
                    req.hasTime() ? ReachabilityMapper.instant(req.getTime(), "time") : null);
        }
    }

    public Reachability get(Caller caller, GetReachabilityRequest req) {
        Question q = Question.of(req);
        return ReachabilityMapper.toProto(queries.get(caller, q.nip(), q.urgency(), q.at()), true);
    }

    /** {@link #get}'s answer if it can be given without waiting (see ReachabilityQueries#getWithoutWaiting), else null. */
    public Reachability getWithoutWaiting(Caller caller, GetReachabilityRequest req) {
        Question q = Question.of(req);
        ReachabilityQueries.Answered a = queries.getWithoutWaiting(caller, q.nip(), q.urgency(), q.at());
        return a == null ? null : ReachabilityMapper.toProto(a, true);
    }

    public BatchGetReachabilityResponse batch(Caller caller, BatchGetReachabilityRequest req) {
        List<String> nips = new ArrayList<>(req.getOfficersCount());
        for (int i = 0; i < req.getOfficersCount(); i++) {
            nips.add(ReachabilityMapper.nip(req.getOfficers(i), "officers[" + i + "]"));
        }
        Urgency u = ReachabilityMapper.urgency(req.getUrgency());
        Instant at = req.hasTime() ? ReachabilityMapper.instant(req.getTime(), "time") : null;
        ReachabilityQueries.Batch b = queries.batch(caller, nips, u, at);
        BatchGetReachabilityResponse.Builder out = BatchGetReachabilityResponse.newBuilder();
        b.answers().forEach(a -> out.addAnswers(ReachabilityMapper.toProto(a, true)));
        b.notFound().forEach(n -> out.addNotFound(ReachabilityMapper.OFFICERS + n));
        return out.build();
    }

    public ListUnitReachabilityResponse unit(Caller caller, ListUnitReachabilityRequest req) {
        String unit = ReachabilityMapper.unit(req.getUnit());
        Urgency u = ReachabilityMapper.urgency(req.getUrgency());
        // Tied to the request: a token is refused with another unit, urgency or filter.
        PageRequest page = PageRequest.of(req, DEFAULT_PAGE, MAX_PAGE);
        ReachabilityQueries.Page p = queries.unit(caller, unit, u, req.getIncludeSubUnits(), req.getReachableOnly(),
                page);
        ListUnitReachabilityResponse.Builder out = ListUnitReachabilityResponse.newBuilder()
                .setNextPageToken(p.nextPageToken());
        p.answers().forEach(a -> out.addAnswers(ReachabilityMapper.toProto(a, false)));
        return out.build();
    }

    /**
     * `/v1/me/inquiries`: the caller's own (their subject is their NIP), allowed to whom every other
     * `/v1/me` route allows (an officer or manager, never a token that holds AGENCY).
     */
    public ListInquiriesResponse myInquiries(Caller caller, int pageSize, String pageToken) {
        Access.person(caller);
        return inquiries(caller, ListInquiriesRequest.newBuilder()
                .setParent(OfficerName.of(caller.subject()).toString())
                .setPageSize(pageSize).setPageToken(pageToken).build());
    }

    public ListInquiriesResponse inquiries(Caller caller, ListInquiriesRequest req) {
        String nip = ReachabilityMapper.nip(req.getParent(), "parent");
        PageRequest page = PageRequest.of(req, DEFAULT_PAGE, MAX_PAGE);
        PageRequest.Page<AuditEntry> rows = page.page(inquiries.list(caller, nip, page));
        ListInquiriesResponse.Builder out = ListInquiriesResponse.newBuilder().setNextPageToken(rows.nextPageToken());
        rows.items().forEach(r -> out.addInquiries(ReachabilityMapper.toProto(r)));
        return out.build();
    }
}
