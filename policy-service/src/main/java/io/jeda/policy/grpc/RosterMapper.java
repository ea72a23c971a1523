package io.jeda.policy.grpc;

import io.jeda.common.names.OfficerName;
import io.jeda.common.names.RosterName;
import io.jeda.common.names.RosterOverrideName;
import io.jeda.common.names.UnitName;
import io.jeda.common.paging.PageRequest;
import io.jeda.policy.domain.roster.OnCallSlot;
import io.jeda.policy.domain.roster.Roster;
import io.jeda.policy.domain.roster.RosterDetails;
import io.jeda.policy.domain.roster.RosterMember;
import io.jeda.policy.domain.roster.RosterOverride;
import io.jeda.policy.v1.CreateRosterOverrideRequest;
import io.jeda.policy.v1.ListOnCallSlotsResponse;
import io.jeda.policy.v1.ListRostersRequest;
import io.jeda.policy.v1.ListRostersResponse;
import io.jeda.policy.v1.SwapRosterSlotsResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The only place that knows both the roster API messages and the roster domain types. */
final class RosterMapper {

    private RosterMapper() {
    }

    static String rosterId(String name, String field) {
        return RosterName.parse(name, field).rosterId();
    }

    static String officerNip(String name, String field) {
        return OfficerName.parse(name, field).nip();
    }

    /** The roster of a create or update request; ids and timestamps the server sets are left empty. */
    static RosterDetails toDomain(io.jeda.policy.v1.Roster p, boolean unitRequired) {
        String unitId = p.getUnit().isEmpty() && !unitRequired ? null
                : UnitName.parse(p.getUnit(), "roster.unit").unitId();
        Instant start = p.hasStartTime() ? ProtoConversions.toInstant(p.getStartTime(), "roster.start_time") : null;
        Roster r = new Roster(null, p.getDisplayName(), unitId, p.getTurnHours(), start, p.getMaxHoursPerWeek(),
                null, null, p.getSwapNeedsApproval());
        List<RosterMember> ms = new ArrayList<>();
        for (int i = 0; i < p.getMembersCount(); i++) {
            io.jeda.policy.v1.RosterMember m = p.getMembers(i);
            String field = "roster.members[" + i + "]";
            String backup = m.getBackupOfficer().isEmpty() ? null
                    : officerNip(m.getBackupOfficer(), field + ".backup_officer");
            ms.add(new RosterMember(null, null, i, officerNip(m.getOfficer(), field + ".officer"), backup));
        }
        return new RosterDetails(r, ms);
    }

    static io.jeda.policy.v1.Roster toProto(RosterDetails d) {
        Roster r = d.roster();
        io.jeda.policy.v1.Roster.Builder b = io.jeda.policy.v1.Roster.newBuilder()
                .setName(RosterName.of(r.id()).toString())
                .setDisplayName(r.displayName())
                .setUnit(UnitName.of(r.unitId()).toString())
                .setTurnHours(r.turnHours())
                .setStartTime(ProtoConversions.toTimestamp(r.startTime()))
                .setMaxHoursPerWeek(r.maxHoursPerWeek())
                .setSwapNeedsApproval(r.swapNeedsApproval());
        for (RosterMember m : d.members()) {
            b.addMembers(io.jeda.policy.v1.RosterMember.newBuilder()
                    .setOfficer(OfficerName.of(m.officerNip()).toString())
                    .setBackupOfficer(m.backupNip() == null ? "" : OfficerName.of(m.backupNip()).toString()));
        }
        return b.build();
    }

    /** Page size when the request gives none, and the largest honoured, as the proto documents. */
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    static PageRequest page(ListRostersRequest r) {
        return PageRequest.of(r, DEFAULT_PAGE, MAX_PAGE);
    }

    static ListRostersResponse toProto(PageRequest.Page<RosterDetails> page) {
        ListRostersResponse.Builder b = ListRostersResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(d -> b.addRosters(toProto(d)));
        return b.build();
    }

    static String overrideOfficer(CreateRosterOverrideRequest req) {
        return officerNip(req.getOverride().getOfficer(), "override.officer");
    }

    static Instant overrideStart(CreateRosterOverrideRequest req) {
        return req.getOverride().hasStartTime() ? ProtoConversions.toInstant(req.getOverride().getStartTime(), "override.start_time") : null;
    }

    static Instant overrideEnd(CreateRosterOverrideRequest req) {
        return req.getOverride().hasEndTime() ? ProtoConversions.toInstant(req.getOverride().getEndTime(), "override.end_time") : null;
    }

    static io.jeda.policy.v1.RosterOverride toProto(RosterOverride o) {
        return io.jeda.policy.v1.RosterOverride.newBuilder()
                .setName(RosterOverrideName.of(o.rosterId(), o.id()).toString())
                .setOfficer(OfficerName.of(o.officerNip()).toString())
                .setStartTime(ProtoConversions.toTimestamp(o.startTime()))
                .setEndTime(ProtoConversions.toTimestamp(o.endTime()))
                .setReason(o.reason())
                .build();
    }

    static SwapRosterSlotsResponse toSwapResponse(List<RosterOverride> overrides) {
        SwapRosterSlotsResponse.Builder b = SwapRosterSlotsResponse.newBuilder();
        overrides.forEach(o -> b.addOverrides(toProto(o)));
        return b.build();
    }

    static io.jeda.policy.v1.OnCallSlot toProto(OnCallSlot s) {
        return io.jeda.policy.v1.OnCallSlot.newBuilder()
                .setRoster(RosterName.of(s.rosterId()).toString())
                .setStartTime(ProtoConversions.toTimestamp(s.start()))
                .setEndTime(ProtoConversions.toTimestamp(s.end()))
                .setPrimary(OfficerName.of(s.primaryNip()).toString())
                .setBackup(s.backupNip() == null ? "" : OfficerName.of(s.backupNip()).toString())
                .setOverridden(s.overridden())
                .build();
    }

    /** The slots, each with its primary's and backup's names from {@code names} (by NIP). */
    static ListOnCallSlotsResponse toSlotsResponse(List<OnCallSlot> slots, java.util.Map<String, String> names) {
        ListOnCallSlotsResponse.Builder b = ListOnCallSlotsResponse.newBuilder();
        slots.forEach(s -> b.addSlots(toProto(s).toBuilder()
                .setPrimaryDisplayName(names.getOrDefault(s.primaryNip(), ""))
                .setBackupDisplayName(s.backupNip() == null ? "" : names.getOrDefault(s.backupNip(), ""))));
        return b.build();
    }
}
