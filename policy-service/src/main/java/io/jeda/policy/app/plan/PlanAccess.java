package io.jeda.policy.app.plan;

import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.policy.domain.TimeZones;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.PositionRepository;
import io.jeda.policy.persistence.UnitRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What plans and one-day exceptions share: who the officer is, what their local today is, and who
 * may read, write or decide their requests. Kept in one place so that the two services cannot drift
 * apart on authorization.
 */
@Singleton
public class PlanAccess {

    private static final Pattern NIP = Pattern.compile("\\d{18}");

    private final OfficerRepository officers;
    private final PositionRepository positions;
    private final UnitRepository units;
    private final Clock clock;
    private final io.jeda.policy.app.AdminAccess scope;

    public PlanAccess(OfficerRepository officers, PositionRepository positions, UnitRepository units, Clock clock,
                      io.jeda.policy.app.AdminAccess scope) {
        this.scope = scope;
        this.officers = officers;
        this.positions = positions;
        this.units = units;
        this.clock = clock;
    }

    /** Now, at the precision the database keeps (DATETIME(6)), so that what is returned is what is stored. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** @throws JedaException NOT_FOUND (OFFICER_NOT_FOUND) */
    public Officer officer(String nip) {
        return officers.findById(nip).orElseThrow(() -> JedaException.notFound("officer", "officers/" + nip));
    }

    /** The officer's position as it is now; FAILED_PRECONDITION when the officer's row names none that exists. */
    public Position position(Officer officer) {
        return positions.findById(officer.positionId()).orElseThrow(() -> JedaException.failedPrecondition(
                "POSITION_NOT_FOUND", "position " + officer.positionId() + " of officer " + officer.nip()
                        + " does not exist", "position", "positions/" + officer.positionId()));
    }

    /** The officer's local date now, in the time zone of their unit. */
    public LocalDate today(Officer officer) {
        return clock.instant().atZone(zone(officer.unitId())).toLocalDate();
    }

    /** Local today of many officers at once, looking each unit up only once. */
    public Function<Officer, LocalDate> todayOfEach() {
        Map<String, LocalDate> byUnit = new HashMap<>();
        Instant now = clock.instant();
        return o -> byUnit.computeIfAbsent(o.unitId(), u -> now.atZone(zone(u)).toLocalDate());
    }

    private ZoneId zone(String unitId) {
        Unit unit = units.findById(unitId).orElseThrow(() -> JedaException.failedPrecondition("UNIT_NOT_FOUND",
                "unit " + unitId + " does not exist", "unit", "units/" + unitId));
        return TimeZones.require(unit.timeZone());
    }

    /** Owner-only actions: the officer themself (OFFICER or MANAGER role with their NIP as subject). */
    public void requireOwner(Caller caller, Officer officer) {
        if (!caller.isOfficer(officer.nip())) {
            throw JedaException.permissionDenied("NOT_OWNER",
                    "only officer " + officer.nip() + " may do this", "subject", caller.subject(),
                    "officer", "officers/" + officer.nip());
        }
    }

    /** Creating: the officer themself or ADMIN of the officer's unit. */
    public void requireOwnerOrAdmin(Caller caller, Officer officer) {
        if (caller.isOfficer(officer.nip())) {
            return;
        }
        if (caller.isAdmin()) {
            scope.requireUnit(caller, officer.unitId());
        } else {
            requireOwner(caller, officer);
        }
    }

    /** Whether the caller is the officer's direct manager. */
    public boolean isManagerOf(Caller caller, Officer officer) {
        return officer.managerNip() != null && caller.isOfficer(officer.managerNip());
    }

    /** Decisions: the direct manager or ADMIN; anyone else is NOT_MANAGER. */
    public void requireDecider(Caller caller, Officer officer) {
        if (isManagerOf(caller, officer)) {
            return;
        }
        if (caller.isAdmin()) {
            scope.requireUnit(caller, officer.unitId());
            return;
        }
        if (!isManagerOf(caller, officer)) {
            throw JedaException.permissionDenied("NOT_MANAGER",
                    "only the direct manager of officer " + officer.nip() + " may decide", "subject",
                    caller.subject(), "officer", "officers/" + officer.nip());
        }
    }

    /** Reading: the officer, the direct manager, ADMIN and SERVICE. */
    public void requireReader(Caller caller, Officer officer) {
        if (caller.isOfficer(officer.nip()) || isManagerOf(caller, officer)) {
            return;
        }
        if (caller.isPrivileged()) {
            scope.requireUnit(caller, officer.unitId());
            return;
        }
        if (!caller.isPrivileged() && !caller.isOfficer(officer.nip()) && !isManagerOf(caller, officer)) {
            throw JedaException.permissionDenied("NOT_OWNER_OR_MANAGER",
                    "only officer " + officer.nip() + ", their direct manager and admins may read this",
                    "subject", caller.subject(), "officer", "officers/" + officer.nip());
        }
    }

    /**
     * The inbox of `officers/-` belongs to a person: the caller must have a NIP as subject and a
     * person's role (OFFICER or MANAGER); a system's token (AGENCY, SERVICE, HR, ...) whose subject
     * looks like a NIP is not that person.
     */
    public String requirePersonSubject(Caller caller) {
        if (!NIP.matcher(caller.subject()).matches() || !caller.isOfficer(caller.subject())
                || caller.has(Role.AGENCY)) {
            throw JedaException.permissionDenied("NOT_AN_OFFICER",
                    "officers/- lists the direct reports of the calling officer; the caller is not one",
                    "subject", caller.subject());
        }
        return caller.subject();
    }

    /** How the history names who acted: `officers/{nip}` for a person, the client id for a system. */
    public String actor(Caller caller) {
        return NIP.matcher(caller.subject()).matches() ? "officers/" + caller.subject() : caller.subject();
    }
}
