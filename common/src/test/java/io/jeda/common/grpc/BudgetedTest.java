package io.jeda.common.grpc;

import io.grpc.Deadline;
import io.grpc.Status;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetedTest {

    @Test
    void anAnswerIsOk() {
        Outcome<String> o = Budgeted.call(Deadline.after(1, TimeUnit.SECONDS), () -> "yes");
        assertEquals("yes", o.orElse("no"));
        assertTrue(o.isOk());
    }

    @Test
    void aFailedCallDegradesInsteadOfThrowing() {
        Outcome<String> o = Budgeted.call(Deadline.after(1, TimeUnit.SECONDS), "policy-service", d -> {
            throw Status.UNAVAILABLE.withDescription("down").asRuntimeException();
        });
        assertEquals("no", o.orElse("no"));
        Outcome.Failed<String> f = (Outcome.Failed<String>) o;
        assertEquals(ErrorKind.UNAVAILABLE, f.kind());
        assertEquals("UNAVAILABLE", f.reason());
        assertEquals("policy-service", f.source());
    }

    @Test
    void aDomainRefusalKeepsItsReason() {
        Outcome<String> o = Budgeted.call(Deadline.after(1, TimeUnit.SECONDS), () -> {
            throw JedaException.notFound("officer", "officers/1");
        });
        assertEquals("OFFICER_NOT_FOUND", ((Outcome.Failed<String>) o).reason());
    }

    @Test
    void aSpentDeadlineIsNotEvenTried() {
        AtomicInteger calls = new AtomicInteger();
        Outcome<Integer> o = Budgeted.call(Deadline.after(-1, TimeUnit.MILLISECONDS), calls::incrementAndGet);
        assertEquals(0, calls.get());
        assertEquals(Budgeted.BUDGET_SPENT, ((Outcome.Failed<Integer>) o).reason());
    }

    @Test
    void aSourceThatTimedOutIsNotWaitedOnAgainInTheSameBudget() {
        Budgeted.Budget budget = Budgeted.budget(Duration.ofSeconds(5));
        AtomicInteger calls = new AtomicInteger();
        budget.call("attendance-service", Duration.ofMillis(100), d -> {
            calls.incrementAndGet();
            throw Status.DEADLINE_EXCEEDED.asRuntimeException();
        });
        Outcome<Object> again = budget.call("attendance-service", Duration.ofMillis(100), d -> calls.incrementAndGet());
        assertEquals(1, calls.get());
        assertFalse(again.isOk());
        assertTrue(budget.hasFailed("attendance-service"));
        assertTrue(budget.call("policy-service", Duration.ofMillis(100), d -> "ok").isOk());
    }

    @Test
    void eachCallGetsAtMostWhatRemainsOfTheBudget() {
        Budgeted.Budget budget = Budgeted.budget(Duration.ofMillis(200));
        Deadline d = budget.deadline(Duration.ofSeconds(10));
        assertTrue(d.timeRemaining(TimeUnit.MILLISECONDS) <= 200);
        Deadline small = budget.deadline(Duration.ofMillis(50));
        assertTrue(small.timeRemaining(TimeUnit.MILLISECONDS) <= 50);
    }
}
