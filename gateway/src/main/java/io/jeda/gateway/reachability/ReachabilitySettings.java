package io.jeda.gateway.reachability;

import java.time.Duration;
import java.util.Objects;

/**
 * Every number the reachability rules use; none is a literal in the engine. The gateway's
 * configuration binds these (suggested keys under {@code jeda.gateway.reachability.*}); unit tests
 * use {@link #defaults()}.
 *
 * @param minRestAfterLateWork      after a check-out outside working hours (late work), ROUTINE contact
 *                                  resumes only this long after the check-out (default 11 h)
 * @param urgentRespondWithin       URGENT service level: how long the officer has from the moment they
 *                                  are reachable (now, or the next window/on-call slot) (default 2 h)
 * @param emergencyRespondWithin    EMERGENCY service level from the asked instant (default 15 min)
 * @param routineRespondWorkingDays ROUTINE service level: the end of the n-th working window that
 *                                  starts after the asked instant (default 1: "by the end of the next
 *                                  working day")
 * @param routineRespondFallback    ROUTINE service level when no working window is known (schedule
 *                                  unavailable, or none within the lookahead) (default 3 days)
 * @param lookaheadDays             how many local dates after today the engine reads to find the next
 *                                  working window or on-call slot (default 14)
 * @param searchDepth               how many hops the contact_instead search follows from the officer
 *                                  (default 3)
 * @param maxCandidates             how many officers the contact_instead search evaluates at most, to
 *                                  bound the work of one answer (default 50)
 * @param contactManager            whether the direct manager is a contact_instead candidate, after
 *                                  rosters and named backups (default true)
 * @param emergencyNeedsCheckIn     whether EMERGENCY reaches an officer inside working hours only when
 *                                  checked in (default true: an emergency must not wait on someone
 *                                  who has not started; on call always counts)
 * @param checkInCovers             how long after a check-in its still-open session tells that the
 *                                  officer is at work at the asked instant (default 16 h): an answer
 *                                  about next Tuesday does not rest on being checked in today, nor
 *                                  one about the time before the check-in
 */
public record ReachabilitySettings(Duration minRestAfterLateWork, Duration urgentRespondWithin,
                                   Duration emergencyRespondWithin, int routineRespondWorkingDays,
                                   Duration routineRespondFallback, int lookaheadDays, int searchDepth,
                                   int maxCandidates, boolean contactManager, boolean emergencyNeedsCheckIn,
                                   Duration checkInCovers) {

    public ReachabilitySettings {
        Objects.requireNonNull(minRestAfterLateWork, "minRestAfterLateWork");
        Objects.requireNonNull(urgentRespondWithin, "urgentRespondWithin");
        Objects.requireNonNull(emergencyRespondWithin, "emergencyRespondWithin");
        Objects.requireNonNull(routineRespondFallback, "routineRespondFallback");
        Objects.requireNonNull(checkInCovers, "checkInCovers");
        if (routineRespondWorkingDays < 1 || lookaheadDays < 1 || searchDepth < 0 || maxCandidates < 0) {
            throw new IllegalArgumentException("routineRespondWorkingDays and lookaheadDays must be at least 1, "
                    + "searchDepth and maxCandidates at least 0");
        }
    }

    public static ReachabilitySettings defaults() {
        return new ReachabilitySettings(Duration.ofHours(11), Duration.ofHours(2), Duration.ofMinutes(15), 1,
                Duration.ofDays(3), 14, 3, 50, true, true, Duration.ofHours(16));
    }

    public ReachabilitySettings withSearchDepth(int depth) {
        return new ReachabilitySettings(minRestAfterLateWork, urgentRespondWithin, emergencyRespondWithin,
                routineRespondWorkingDays, routineRespondFallback, lookaheadDays, depth, maxCandidates,
                contactManager, emergencyNeedsCheckIn, checkInCovers);
    }

    public ReachabilitySettings withContactManager(boolean contact) {
        return new ReachabilitySettings(minRestAfterLateWork, urgentRespondWithin, emergencyRespondWithin,
                routineRespondWorkingDays, routineRespondFallback, lookaheadDays, searchDepth, maxCandidates,
                contact, emergencyNeedsCheckIn, checkInCovers);
    }

    public ReachabilitySettings withEmergencyNeedsCheckIn(boolean needs) {
        return new ReachabilitySettings(minRestAfterLateWork, urgentRespondWithin, emergencyRespondWithin,
                routineRespondWorkingDays, routineRespondFallback, lookaheadDays, searchDepth, maxCandidates,
                contactManager, needs, checkInCovers);
    }
}
