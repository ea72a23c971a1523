package io.jeda.policy.grpc;

import io.jeda.common.grpc.ProtoEnums;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.ResourceNames;
import io.jeda.common.names.RosterName;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.app.request.StaffRequestService;
import io.jeda.policy.app.request.StaffRequestView;
import io.jeda.policy.domain.request.StaffRequestKind;
import io.jeda.policy.v1.ListStaffRequestsRequest;
import io.jeda.policy.v1.ListStaffRequestsResponse;
import io.jeda.policy.v1.StaffRequest;
import io.jeda.policy.v1.StaffRequestState;

/**
 * Translates the StaffRequestService API (staff_requests.proto) to and from the domain: the only
 * class that knows both. Malformed input becomes INVALID_ARGUMENT naming the field.
 */
public final class StaffRequestMapper {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    private static final String PATTERN = "staffRequests/{id}";

    private StaffRequestMapper() {
    }

    static String id(String name) {
        return ResourceNames.parse(name, PATTERN, "name")[0];
    }

    static String parentNip(String parent) {
        return OfficerName.parse(parent, "parent").nip();
    }

    static PageRequest page(ListStaffRequestsRequest req) {
        return PageRequest.of(req, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    }

    static io.jeda.policy.domain.request.StaffRequestState stateFilter(StaffRequestState s) {
        return s == StaffRequestState.STAFF_REQUEST_STATE_UNSPECIFIED ? null
                : ProtoEnums.toDomain(s, io.jeda.policy.domain.request.StaffRequestState.class, "state");
    }

    static StaffRequestService.Draft toDraft(StaffRequest p) {
        StaffRequestKind kind = ProtoEnums.toDomain(p.getKind(), StaffRequestKind.class, "staff_request.kind");
        if (kind.isAbsence()) {
            return new StaffRequestService.Draft(kind,
                    ProtoConversions.toLocalDateOrNull(p.getStartDate(), "staff_request.start_date"),
                    ProtoConversions.toLocalDateOrNull(p.getEndDate(), "staff_request.end_date"), p.getNote(),
                    null, null, null, null);
        }
        return new StaffRequestService.Draft(kind, null, null, p.getNote(),
                p.getRoster().isEmpty() ? null : RosterName.parse(p.getRoster(), "staff_request.roster").rosterId(),
                p.getCounterpart().isEmpty() ? null
                        : OfficerName.parse(p.getCounterpart(), "staff_request.counterpart").nip(),
                p.hasFirstSlotTime()
                        ? ProtoConversions.toInstant(p.getFirstSlotTime(), "staff_request.first_slot_time") : null,
                p.hasSecondSlotTime()
                        ? ProtoConversions.toInstant(p.getSecondSlotTime(), "staff_request.second_slot_time") : null);
    }

    static StaffRequest toProto(StaffRequestView v) {
        io.jeda.policy.domain.request.StaffRequest r = v.request();
        StaffRequest.Builder b = StaffRequest.newBuilder()
                .setName(io.jeda.policy.domain.request.StaffRequest.nameOf(r.id()))
                .setOfficer(OfficerName.of(r.officerNip()).toString())
                .setOfficerDisplayName(v.officerName())
                .setKind(ProtoEnums.ofShortName(io.jeda.policy.v1.StaffRequestKind.class, r.kind().name()))
                .setState(ProtoEnums.ofShortName(StaffRequestState.class, r.state().name()))
                .setNote(r.note() == null ? "" : r.note())
                .setNeedsManagerApproval(r.needsApproval())
                .setDecisionReason(r.decisionReason() == null ? "" : r.decisionReason())
                .setDecidedBy(r.decidedBy() == null ? "" : r.decidedBy())
                .setCreateTime(ProtoConversions.toTimestamp(r.createdAt()))
                .setUpdateTime(ProtoConversions.toTimestamp(r.updatedAt()));
        if (r.startDate() != null) {
            b.setStartDate(ProtoConversions.toDate(r.startDate()));
        }
        if (r.endDate() != null) {
            b.setEndDate(ProtoConversions.toDate(r.endDate()));
        }
        if (r.rosterId() != null) {
            b.setRoster(RosterName.of(r.rosterId()).toString());
        }
        if (r.counterpartNip() != null) {
            b.setCounterpart(OfficerName.of(r.counterpartNip()).toString()).setCounterpartDisplayName(
                    v.counterpartName());
        }
        if (r.firstSlotTime() != null) {
            b.setFirstSlotTime(ProtoConversions.toTimestamp(r.firstSlotTime()));
        }
        if (r.secondSlotTime() != null) {
            b.setSecondSlotTime(ProtoConversions.toTimestamp(r.secondSlotTime()));
        }
        if (r.absenceId() != null) {
            b.setAbsence("officers/" + r.officerNip() + "/absences/" + r.absenceId());
        }
        return b.build();
    }

    static ListStaffRequestsResponse toProto(PageRequest.Page<StaffRequestView> page) {
        ListStaffRequestsResponse.Builder b = ListStaffRequestsResponse.newBuilder()
                .setNextPageToken(page.nextPageToken());
        page.items().forEach(v -> b.addStaffRequests(toProto(v)));
        return b.build();
    }
}
