package io.jeda.policy.domain.plan;

import io.jeda.common.error.JedaException;
import io.jeda.policy.domain.WorkPlace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The moves of a plan, in every state a person can see it in, without a server or a database. */
class PlanMovesTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final LocalDate END = LocalDate.of(2026, 5, 29);
    private static final Instant CREATED = Instant.parse("2026-02-01T02:00:00Z");
    private static final Instant NOW = Instant.parse("2026-02-10T03:00:00Z");

    /** A state as a person sees it, and the officer's local today that shows it. */
    enum Shown {
        DRAFT(PlanState.DRAFT, START.minusDays(20)),
        SUBMITTED(PlanState.SUBMITTED, START.minusDays(20)),
        APPROVED(PlanState.APPROVED, START.minusDays(20)),
        ACTIVE(PlanState.APPROVED, START.plusDays(3)),
        EXPIRED(PlanState.APPROVED, END.plusDays(1)),
        REJECTED(PlanState.REJECTED, START.minusDays(20)),
        REVOKED(PlanState.REVOKED, START.plusDays(3));

        final PlanState stored;
        final LocalDate today;

        Shown(PlanState stored, LocalDate today) {
            this.stored = stored;
            this.today = today;
        }
    }

    enum Move {
        SUBMIT(PlanState.SUBMITTED, (p, today) -> p.submit(today, NOW)),
        APPROVE(PlanState.APPROVED, (p, today) -> p.approve(today, NOW)),
        REJECT(PlanState.REJECTED, (p, today) -> p.reject("  not this quarter  ", today, NOW)),
        REVOKE(PlanState.REVOKED, (p, today) -> p.revoke("unit reorganised", today, NOW));

        final PlanState target;
        final BiFunction<Plan, LocalDate, Plan> apply;

        Move(PlanState target, BiFunction<Plan, LocalDate, Plan> apply) {
            this.target = target;
            this.apply = apply;
        }
    }

    private static boolean legal(Shown s, Move m) {
        return switch (m) {
            case SUBMIT -> s == Shown.DRAFT;
            case APPROVE, REJECT -> s == Shown.SUBMITTED;
            case REVOKE -> s == Shown.APPROVED || s == Shown.ACTIVE;
        };
    }

    static Stream<Arguments> everyMove() {
        List<Arguments> out = new ArrayList<>();
        for (Shown s : Shown.values()) {
            for (Move m : Move.values()) {
                out.add(Arguments.of(s, m));
            }
        }
        return out.stream();
    }

    private static Plan plan(PlanState state) {
        Plan draft = Plan.draft("p1", "198501012010011001", START, END,
                List.of(new PlanDay(DayOfWeek.MONDAY, WorkPlace.HOME, LocalTime.of(7, 30))), "", null, CREATED);
        return new Plan(draft.id(), draft.officerNip(), draft.startDate(), draft.endDate(), draft.days(), state,
                draft.note(), "", null, CREATED, CREATED, 3);
    }

    @ParameterizedTest(name = "{1} a plan shown {0}")
    @MethodSource("everyMove")
    void aMoveLeadsToItsStateOrIsRefusedNamingBothStates(Shown shown, Move move) {
        Plan before = plan(shown.stored);
        assertEquals(PlanState.valueOf(shown.name()), before.stateOn(shown.today), "fixture");
        if (legal(shown, move)) {
            Plan after = move.apply.apply(before, shown.today);
            assertEquals(move.target, after.state());
            assertEquals(NOW, after.updatedAt());
            assertEquals(CREATED, after.createdAt());
            assertEquals(before.version() + 1, after.version());
            assertEquals(before.days(), after.days());
            String reason = switch (move) {
                case REJECT -> "not this quarter";
                case REVOKE -> "unit reorganised";
                default -> "";
            };
            assertEquals(reason, after.decisionReason());
        } else {
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                    () -> move.apply.apply(before, shown.today));
            assertEquals("ILLEGAL_TRANSITION", e.reason());
            assertEquals(PlanState.valueOf(shown.name()), e.from());
            assertEquals(move.target, e.to());
            assertEquals(shown.name(), e.metadata().get("from"));
            assertEquals(move.target.name(), e.metadata().get("to"));
            assertEquals("plans/p1", e.metadata().get("name"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Move.class, names = {"REJECT", "REVOKE"})
    void aDecisionAgainstNeedsAReasonWhateverTheState(Move move) {
        for (Shown s : Shown.values()) {
            Plan p = plan(s.stored);
            BiFunction<Plan, LocalDate, Plan> blank = move == Move.REJECT
                    ? (x, today) -> x.reject(" ", today, NOW) : (x, today) -> x.revoke(null, today, NOW);
            assertEquals("REASON_REQUIRED", assertThrows(JedaException.class, () -> blank.apply(p, s.today)).reason());
        }
        Plan submitted = plan(PlanState.SUBMITTED);
        assertEquals("REASON_TOO_LONG", assertThrows(JedaException.class,
                () -> submitted.reject("x".repeat(RequestTexts.MAX_REASON_CHARS + 1), START, NOW)).reason());
    }

    @ParameterizedTest(name = "revise a plan shown {0}")
    @EnumSource(Shown.class)
    void onlyADraftCanBeRevised(Shown shown) {
        Plan p = plan(shown.stored);
        if (shown == Shown.DRAFT) {
            Plan revised = p.revise(START, END.plusDays(7), p.days(), "new note", shown.today);
            assertEquals(END.plusDays(7), revised.endDate());
            assertEquals("new note", revised.note());
            assertEquals(p.updatedAt(), revised.updatedAt(), "updated_at is the time of the last change of state");
        } else {
            JedaException e = assertThrows(JedaException.class,
                    () -> p.revise(START, END, p.days(), "", shown.today));
            assertEquals("PLAN_NOT_EDITABLE", e.reason());
            assertEquals(shown.name(), e.metadata().get("state"));
        }
    }

    @Test
    void aDraftIsMadeWithItsNoteCheckedAndItsCreationRecorded() {
        Plan p = Plan.draft("p2", "198501012010011001", START, END, List.of(), "  hello  ", "key-1", CREATED);
        assertEquals(PlanState.DRAFT, p.state());
        assertEquals("hello", p.note());
        assertEquals(CREATED, p.updatedAt());
        PlanTransition t = PlanTransition.created(p, "officers/198501012010011001");
        assertEquals(List.of(PlanState.DRAFT, PlanState.DRAFT, CREATED), List.of(t.fromState(), t.toState(), t.occurredAt()));
        assertEquals("NOTE_TOO_LONG", assertThrows(JedaException.class, () -> Plan.draft("p3", "198501012010011001",
                START, END, List.of(), "x".repeat(RequestTexts.MAX_NOTE_CHARS + 1), null, CREATED)).reason());
    }

    @Test
    void theHistoryRowOfAMoveSaysFromWhatToWhatAndWhy() {
        Plan before = plan(PlanState.SUBMITTED);
        Plan after = before.reject("overlaps the audit", START, NOW);
        PlanTransition t = PlanTransition.between(before, after, "officers/197001011995031001");
        assertEquals(PlanState.SUBMITTED, t.fromState());
        assertEquals(PlanState.REJECTED, t.toState());
        assertEquals(NOW, t.occurredAt());
        assertEquals("overlaps the audit", t.reason());
        assertEquals("p1", t.planId());
    }
}
