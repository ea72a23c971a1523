package io.jeda.gateway.client;

import io.jeda.gateway.reachability.AttendanceNow;
import io.jeda.gateway.reachability.DaySchedule;
import io.jeda.gateway.reachability.OfficerProfile;
import io.jeda.gateway.reachability.OnCallSlot;
import io.jeda.gateway.reachability.ReachabilityData;
import io.jeda.gateway.reachability.Sourced;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The engine's data port in production: policy data from {@link PolicyClient}, attendance from an {@link AttendanceSource}. */
@Singleton
public class GatewayReachabilityData implements ReachabilityData {

    private final PolicyClient policy;
    private final AttendanceSource attendance;

    public GatewayReachabilityData(PolicyClient policy, AttendanceSource attendance) {
        this.policy = policy;
        this.attendance = attendance;
    }

    /**
     * Starts the attendance read, then reads the officer and their days in one policy-service call
     * while it runs: a miss waits for the slower of the two, not for a chain of reads.
     */
    @Override
    public void readAhead(String nip, Instant t, int daysBefore, int daysAfter) {
        if (policy.readsCombined()) {
            attendance.begin(nip);
            policy.readAround(nip, t, daysBefore, daysAfter);
        }
    }

    @Override
    public Sourced<OfficerProfile> officer(String nip) {
        return policy.officer(nip);
    }

    @Override
    public Sourced<DaySchedule> schedule(String nip, LocalDate date) {
        return policy.schedule(nip, date);
    }

    @Override
    public Sourced<List<DaySchedule>> schedules(String nip, LocalDate from, int days) {
        return policy.schedules(nip, from, days);
    }

    @Override
    public Sourced<AttendanceNow> attendance(String nip) {
        return attendance.attendance(nip);
    }

    @Override
    public Sourced<List<OnCallSlot>> onCallSlots(String unitId, Instant at) {
        return policy.onCallSlots(unitId, at);
    }

    @Override
    public Sourced<List<String>> namedBackups(String nip) {
        return policy.namedBackups(nip);
    }
}
