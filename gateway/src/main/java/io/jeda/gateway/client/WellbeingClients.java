package io.jeda.gateway.client;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.jeda.attendance.v1.AttendanceWellbeing;
import io.jeda.attendance.v1.AttendanceWellbeingServiceGrpc;
import io.jeda.attendance.v1.GetAttendanceWellbeingRequest;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.BearerCredentials;
import io.jeda.common.grpc.Pages;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.UnitName;
import io.jeda.common.security.ServiceIdentity;
import io.jeda.gateway.WellbeingSettings;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.ListRostersRequest;
import io.jeda.policy.v1.ListRostersResponse;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.OnCallSlot;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.relay.v1.CountHeldMessagesRequest;
import io.jeda.relay.v1.HeldMessageCount;
import io.jeda.relay.v1.RelayWellbeingServiceGrpc;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The wellbeing report's calls to the services behind the gateway. The parts are read with the
 * caller's own token (each service checks the caller again); the unit itself and a unit's officers
 * are read with the gateway's SERVICE identity once the gateway has checked the caller's scope. Each
 * call has the report's source deadline; a failure comes back as the service's own reason.
 */
@Singleton
public class WellbeingClients {

    private static final int PAGE = 500;

    private final AttendanceWellbeingServiceGrpc.AttendanceWellbeingServiceBlockingStub attendance;
    private final RelayWellbeingServiceGrpc.RelayWellbeingServiceBlockingStub relay;
    private final RosterServiceGrpc.RosterServiceBlockingStub rosters;
    private final UnitServiceGrpc.UnitServiceBlockingStub units;
    private final OfficerServiceGrpc.OfficerServiceBlockingStub officers;
    private final OfficerServiceGrpc.OfficerServiceBlockingStub officersForCaller;
    private final WellbeingSettings settings;

    public WellbeingClients(@GrpcChannel("policy") ManagedChannel policy,
                            @GrpcChannel("attendance") ManagedChannel attendanceChannel,
                            @GrpcChannel("relay") ManagedChannel relayChannel,
                            ServiceIdentity identity, WellbeingSettings settings) {
        this.attendance = AttendanceWellbeingServiceGrpc.newBlockingStub(attendanceChannel);
        this.relay = RelayWellbeingServiceGrpc.newBlockingStub(relayChannel);
        this.rosters = RosterServiceGrpc.newBlockingStub(policy);
        this.units = UnitServiceGrpc.newBlockingStub(policy).withCallCredentials(identity);
        this.officers = OfficerServiceGrpc.newBlockingStub(policy).withCallCredentials(identity);
        this.officersForCaller = OfficerServiceGrpc.newBlockingStub(policy);
        this.settings = settings;
    }

    /** The unit, read as the gateway; NOT_FOUND when policy-service has none. */
    public Unit unit(String unitId) {
        return call(Forwarder.POLICY, units, null, s -> s.getUnit(GetUnitRequest.newBuilder()
                .setName(UnitName.of(unitId).toString()).build()));
    }

    /** A unit's parent id, for walking up to the caller's scope (empty at the top or when unknown). */
    public Optional<String> parentOf(String unitId) {
        try {
            String parent = unit(unitId).getParent();
            return parent.isEmpty() ? Optional.empty() : Optional.of(UnitName.parse(parent, "parent").unitId());
        } catch (JedaException e) {
            if (e.kind() == io.jeda.common.error.ErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** An officer, read as the gateway; NOT_FOUND when policy-service has none. */
    public Officer officer(String nip) {
        return call(Forwarder.POLICY, officers, null, s -> s.getOfficer(io.jeda.policy.v1.GetOfficerRequest.newBuilder()
                .setName(OfficerName.of(nip).toString()).build()));
    }

    /** The officers of one unit (not its sub-units), read as the gateway, at most {@code max}. */
    public List<Officer> unitOfficers(String unitId, int max) {
        return Pages.upTo(max, token -> call(Forwarder.POLICY, officers, null, s -> s.listOfficers(
                        ListOfficersRequest.newBuilder().setUnit(UnitName.of(unitId).toString()).setPageSize(PAGE)
                                .setPageToken(token).build())),
                ListOfficersResponse::getOfficersList, ListOfficersResponse::getNextPageToken);
    }

    /** The manager's direct reports, listed by policy-service for the manager's own token. */
    public List<Officer> reports(String token, String managerNip, int max) {
        return Pages.upTo(max, page -> call(Forwarder.POLICY, officersForCaller, token, s -> s.listOfficers(
                        ListOfficersRequest.newBuilder().setManager(OfficerName.of(managerNip).toString())
                                .setPageSize(PAGE).setPageToken(page).build())),
                ListOfficersResponse::getOfficersList, ListOfficersResponse::getNextPageToken);
    }

    /** attendance-service's part, for the caller. */
    public AttendanceWellbeing attendance(String token, String unitId, YearMonth month, List<String> nips) {
        return call(Forwarder.ATTENDANCE, attendance, token, s -> s.getAttendanceWellbeing(
                GetAttendanceWellbeingRequest.newBuilder().setUnit(UnitName.of(unitId).toString())
                        .setYear(month.getYear()).setMonth(month.getMonthValue())
                        .addAllOfficers(nips.stream().map(n -> OfficerName.of(n).toString()).toList()).build()));
    }

    /** relay-service's held-message counts, by NIP, for the caller. */
    public Map<String, Integer> held(String token, List<String> nips, Instant from, Instant to) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < nips.size(); i += PAGE) {
            List<String> chunk = nips.subList(i, Math.min(nips.size(), i + PAGE));
            for (HeldMessageCount c : call(RelayForwarder.RELAY, relay, token, s -> s.countHeldMessages(
                    CountHeldMessagesRequest.newBuilder()
                            .addAllOfficers(chunk.stream().map(n -> OfficerName.of(n).toString()).toList())
                            .setStartTime(ts(from)).setEndTime(ts(to)).build())).getCountsList()) {
                out.put(OfficerName.parse(c.getOfficer(), "officer").nip(), c.getHeldMessages());
            }
        }
        return out;
    }

    /** The unit's rosters, for the caller. */
    public List<Roster> rosters(String token, String unitId) {
        return Pages.all(page -> call(Forwarder.POLICY, rosters, token, s -> s.listRosters(ListRostersRequest.newBuilder()
                        .setUnit(UnitName.of(unitId).toString()).setPageSize(PAGE).setPageToken(page).build())),
                ListRostersResponse::getRostersList, ListRostersResponse::getNextPageToken);
    }

    /** A roster's slots overlapping [from, to), paged by their end times, at most the configured number. */
    public List<OnCallSlot> slots(String token, String rosterName, Instant from, Instant to) {
        List<OnCallSlot> out = new ArrayList<>();
        Instant at = from;
        while (at.isBefore(to) && out.size() < settings.maxSlotsPerRoster()) {
            Instant asked = at;
            List<OnCallSlot> page = call(Forwarder.POLICY, rosters, token, s -> s.listOnCallSlots(
                    ListOnCallSlotsRequest.newBuilder().setParent(rosterName).setTime(ts(asked)).setPageSize(100)
                            .build())).getSlotsList();
            if (page.isEmpty()) {
                break;
            }
            Instant next = at;
            for (OnCallSlot slot : page) {
                Instant start = instant(slot.getStartTime());
                Instant end = instant(slot.getEndTime());
                if (!start.isBefore(to)) {
                    next = to;
                    break;
                }
                if (end.isAfter(at)) {
                    out.add(slot);
                }
                next = end;
            }
            if (!next.isAfter(at)) {
                break;
            }
            at = next;
        }
        return out;
    }

    private <S extends AbstractStub<S>, T> T call(String service, S stub, String token, Function<S, T> rpc) {
        S s = (token == null ? stub : stub.withCallCredentials(BearerCredentials.of(token)))
                .withDeadlineAfter(settings.sourceDeadline().toNanos(), TimeUnit.NANOSECONDS);
        try {
            return rpc.apply(s);
        } catch (StatusRuntimeException e) {
            throw DownstreamErrors.of(service, e);
        }
    }

    static com.google.protobuf.Timestamp ts(Instant i) {
        return com.google.protobuf.Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    public static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
