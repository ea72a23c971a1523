package io.jeda.policy.app.organisation;

import io.jeda.common.error.JedaException;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.policy.app.UpdateFields;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.organisation.FlexiTimeKind;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.organisation.PositionRules;
import io.jeda.policy.domain.organisation.UnitRules;
import io.jeda.policy.persistence.PositionRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Inject;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;

/**
 * The rules of positions (jabatan): the agency's working-time and flexible-work settings per
 * position. Unset values take the configured national defaults, and a setting that no officer could
 * ever meet (an empty start window, core hours that end before they start, a day longer than a day)
 * is refused before any plan is checked against it.
 */
@Singleton
public class PositionService {

    /** Fields an update may name, as the API spells them: every field but name. */
    public static final Set<String> UPDATABLE = Set.of(
            "display_name", "fwa_eligible", "allowed_places", "max_remote_days_per_week", "flexi_time",
            "default_start", "start_window_begin", "start_window_end", "weekly_work_minutes",
            "daily_work_minutes", "break_minutes", "friday_break_minutes", "core_start", "core_end");
    /** Facts of the calendar, not policy: a day and a week have only so many minutes. */

    private final PositionRepository positions;
    private final PolicySettings settings;
    private final Clock clock;
    private final io.jeda.policy.app.AdminAccess scope;
    private final io.jeda.policy.app.AdminAudit audit;

    @Inject
    public PositionService(PositionRepository positions, PolicySettings settings, @Nullable Clock clock,
                           io.jeda.policy.app.AdminAccess scope, io.jeda.policy.app.AdminAudit audit) {
        this.scope = scope;
        this.audit = audit;
        this.positions = positions;
        this.settings = settings;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /**
     * Creates a position. In the draft, a zero number, a null time and a null flexi-time kind are
     * unset and take the defaults of {@link PolicySettings} (FIXED for the kind); the id and instants
     * are ignored.
     */
    @Transactional
    public Position create(Caller caller, String positionId, Position draft) {
        // Positions and their eligibility are shared by every unit.
        scope.requireNationalAdmin(caller, "positions/" + positionId);
        UnitRules.requireId(positionId, "position_id");
        Position filled = withDefaults(positionId, draft);
        Position checked = PositionRules.check(filled);
        if (positions.existsById(positionId)) {
            throw JedaException.alreadyExists("position", "positions/" + positionId);
        }
        Instant now = clock.instant();
        Position created;
        try {
            created = positions.save(copy(checked, positionId, now, now));
        } catch (DataAccessException e) {
            // Two creates raced past the existence check; the primary key let only one through.
            throw positions.existsById(positionId) ? JedaException.alreadyExists("position", "positions/" + positionId) : e;
        }
        audit.record(caller, "CreatePosition", "positions/" + positionId, null, null, created);
        return created;
    }

    /** One position; readable by officers, managers, admins and services. */
    public Position get(Caller caller, String positionId) {
        UnitService.requireReader(caller);
        return find(positionId);
    }

    /** A page of positions ordered by id. */
    public PageRequest.Page<Position> list(Caller caller, PageRequest page) {
        UnitService.requireReader(caller);
        return page.page(positions.listPage(page.fetchSize(), page.offset()));
    }

    /**
     * Updates the named fields from the patch. Numbers are taken as given (so 0 remote days can be
     * set); a null time restores the configured default; a null flexi-time kind is refused.
     *
     * @param fields what the request asks to change, resolved against {@link #UPDATABLE}
     */
    @Transactional
    public Position update(Caller caller, String positionId, Position p, UpdateFields fields) {
        scope.requireNationalAdmin(caller, "positions/" + positionId);
        Set<String> paths = fields.resolve(UPDATABLE);
        Position c = find(positionId);
        if (paths.isEmpty()) {
            return c;
        }
        if (paths.contains("flexi_time") && p.flexiTime() == null) {
            throw JedaException.invalidField("position.flexi_time", "position.flexi_time must be set to a flexi-time kind");
        }
        Position merged = new Position(positionId,
                paths.contains("display_name") ? p.displayName() : c.displayName(),
                paths.contains("fwa_eligible") ? p.fwaEligible() : c.fwaEligible(),
                paths.contains("allowed_places") ? Position.encodePlaces(p.places()) : c.allowedPlaces(),
                paths.contains("max_remote_days_per_week") ? p.maxRemoteDaysPerWeek() : c.maxRemoteDaysPerWeek(),
                paths.contains("flexi_time") ? p.flexiTime() : c.flexiTime(),
                paths.contains("default_start") ? orDefault(p.defaultStart(), settings.defaultStart()) : c.defaultStart(),
                paths.contains("start_window_begin")
                        ? orDefault(p.startWindowBegin(), settings.startWindowBegin()) : c.startWindowBegin(),
                paths.contains("start_window_end")
                        ? orDefault(p.startWindowEnd(), settings.startWindowEnd()) : c.startWindowEnd(),
                paths.contains("weekly_work_minutes") ? p.weeklyWorkMinutes() : c.weeklyWorkMinutes(),
                paths.contains("daily_work_minutes") ? p.dailyWorkMinutes() : c.dailyWorkMinutes(),
                paths.contains("break_minutes") ? p.breakMinutes() : c.breakMinutes(),
                paths.contains("friday_break_minutes") ? p.fridayBreakMinutes() : c.fridayBreakMinutes(),
                paths.contains("core_start") ? orDefault(p.coreStart(), settings.coreStart()) : c.coreStart(),
                paths.contains("core_end") ? orDefault(p.coreEnd(), settings.coreEnd()) : c.coreEnd(),
                c.createdAt(), c.updatedAt());
        Position checked = PositionRules.check(merged);
        Position after = positions.update(copy(checked, positionId, c.createdAt(), clock.instant()));
        audit.record(caller, "UpdatePosition", "positions/" + positionId, null, c, after);
        return after;
    }

    private Position find(String positionId) {
        return positions.findById(positionId)
                .orElseThrow(() -> JedaException.notFound("position", "positions/" + positionId));
    }

    /** Fills the unset values of a create draft from the settings. */
    Position withDefaults(String id, Position d) {
        return new Position(id, d.displayName(), d.fwaEligible(), Position.encodePlaces(d.places()),
                d.maxRemoteDaysPerWeek() == 0 ? settings.maxRemoteDaysPerWeek() : d.maxRemoteDaysPerWeek(),
                d.flexiTime() == null ? FlexiTimeKind.FIXED : d.flexiTime(),
                orDefault(d.defaultStart(), settings.defaultStart()),
                orDefault(d.startWindowBegin(), settings.startWindowBegin()),
                orDefault(d.startWindowEnd(), settings.startWindowEnd()),
                d.weeklyWorkMinutes() == 0 ? settings.weeklyWorkMinutes() : d.weeklyWorkMinutes(),
                d.dailyWorkMinutes() == 0 ? settings.dailyWorkMinutes() : d.dailyWorkMinutes(),
                d.breakMinutes() == 0 ? settings.breakMinutes() : d.breakMinutes(),
                d.fridayBreakMinutes() == 0 ? settings.fridayBreakMinutes() : d.fridayBreakMinutes(),
                orDefault(d.coreStart(), settings.coreStart()),
                orDefault(d.coreEnd(), settings.coreEnd()),
                null, null);
    }

    private static Position copy(Position p, String id, Instant created, Instant updated) {
        return new Position(id, p.displayName(), p.fwaEligible(), p.allowedPlaces(), p.maxRemoteDaysPerWeek(),
                p.flexiTime(), p.defaultStart(), p.startWindowBegin(), p.startWindowEnd(), p.weeklyWorkMinutes(),
                p.dailyWorkMinutes(), p.breakMinutes(), p.fridayBreakMinutes(), p.coreStart(), p.coreEnd(),
                created, updated);
    }

    private static LocalTime orDefault(LocalTime t, LocalTime dflt) {
        return t == null ? dflt : t;
    }

}
