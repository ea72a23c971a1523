package io.jeda.gateway.app;

import io.jeda.attendance.v1.ApproveAttendanceCorrectionRequest;
import io.jeda.attendance.v1.AttendanceCorrection;
import io.jeda.attendance.v1.AttendanceCorrectionServiceGrpc;
import io.jeda.attendance.v1.CorrectionState;
import io.jeda.attendance.v1.CreateAttendanceCorrectionRequest;
import io.jeda.attendance.v1.ListAttendanceCorrectionsRequest;
import io.jeda.attendance.v1.ListAttendanceCorrectionsResponse;
import io.jeda.attendance.v1.RejectAttendanceCorrectionRequest;
import io.jeda.gateway.client.AdminForwarder;
import jakarta.inject.Singleton;

/**
 * Attendance corrections for officers (ask, list their own) and managers (the corrections of their
 * direct reports, approve, reject), forwarded to attendance-service with the caller's own token: it
 * checks that the day is the caller's, or that the caller is the officer's direct manager.
 */
@Singleton
public class CorrectionRequests {

    private final AdminForwarder forward;

    public CorrectionRequests(AdminForwarder forward) {
        this.forward = forward;
    }

    /** Asks for a correction of one of the caller's own days; the officer is always the caller. */
    public AttendanceCorrection create(Person p, CreateAttendanceCorrectionRequest body) {
        Access.person(p.caller());
        CreateAttendanceCorrectionRequest req = body.toBuilder()
                .setCorrection(body.getCorrection().toBuilder().setOfficer(p.officer())).build();
        return forward.unary(p.token(), AttendanceCorrectionServiceGrpc.getCreateAttendanceCorrectionMethod(), req);
    }

    public ListAttendanceCorrectionsResponse mine(Person p, CorrectionState state, int pageSize, String pageToken) {
        Access.person(p.caller());
        return list(p, p.officer(), state, pageSize, pageToken);
    }

    public ListAttendanceCorrectionsResponse team(Person p, CorrectionState state, int pageSize, String pageToken) {
        Access.manager(p.caller());
        return list(p, "officers/-", state, pageSize, pageToken);
    }

    private ListAttendanceCorrectionsResponse list(Person p, String parent, CorrectionState state, int pageSize,
                                                   String pageToken) {
        return forward.unary(p.token(), AttendanceCorrectionServiceGrpc.getListAttendanceCorrectionsMethod(),
                ListAttendanceCorrectionsRequest.newBuilder().setParent(parent).setState(state)
                        .setPageSize(pageSize).setPageToken(pageToken).build());
    }

    public AttendanceCorrection approve(Person p, String name, ApproveAttendanceCorrectionRequest body) {
        Access.manager(p.caller());
        return forward.unary(p.token(), AttendanceCorrectionServiceGrpc.getApproveAttendanceCorrectionMethod(),
                body.toBuilder().setName(name).build());
    }

    public AttendanceCorrection reject(Person p, String name, RejectAttendanceCorrectionRequest body) {
        Access.manager(p.caller());
        return forward.unary(p.token(), AttendanceCorrectionServiceGrpc.getRejectAttendanceCorrectionMethod(),
                body.toBuilder().setName(name).build());
    }
}
