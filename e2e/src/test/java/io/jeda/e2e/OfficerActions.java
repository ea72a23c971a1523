package io.jeda.e2e;

import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.policy.v1.Plan;

/**
 * What officers and managers do themselves in the scenario: write and submit a plan, approve a
 * subordinate's plan, check in. {@link GatewayRestOfficerActions} does it through the gateway, as
 * people do; the scenario does not depend on the way.
 */
interface OfficerActions {

    /** The officer creates the plan (DRAFT) and submits it; returns the SUBMITTED plan. */
    Plan createAndSubmitPlan(String officerNip, Plan plan);

    /** The direct manager approves a submitted plan; returns it as the approval left it. */
    Plan approvePlan(String managerNip, String planName);

    /** The officer checks in at the office from the given position (WGS84 degrees, accuracy in metres). */
    AttendanceEvent checkInAtOffice(String officerNip, double latitude, double longitude, double accuracyMeters);
}
