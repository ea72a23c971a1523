package io.jeda.attendance;

import io.grpc.StatusRuntimeException;
import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.CheckOutRequest;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many officers checking in and out at once, with retries of the same key and second check-ins or
 * check-outs mixed in: the writes are grouped into shared commits, yet every request gets the
 * answer it would get alone, and every accepted event is stored exactly once.
 */
class GroupCommitTest extends AttendanceTestBase {

    private static final int OFFICERS = 40;

    private static String nip(int i) {
        return String.format("199001012015031%03d", i);
    }

    /** The answer of one call: the event, or the refusal's reason. */
    private record Answer(AttendanceEvent event, String reason) {
    }

    private static Answer call(Callable<AttendanceEvent> c) throws Exception {
        try {
            return new Answer(c.call(), null);
        } catch (StatusRuntimeException e) {
            return new Answer(null, GrpcErrors.reason(e));
        }
    }

    /** Runs all the calls at once (in shuffled order) and returns their answers in call order. */
    private static List<Answer> together(List<Callable<AttendanceEvent>> calls) throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, Future<Answer>> futures = new HashMap<>();
        try {
            for (int i : order) {
                Callable<AttendanceEvent> c = calls.get(i);
                futures.put(i, pool.submit(() -> {
                    go.await();
                    return call(c);
                }));
            }
            go.countDown();
            List<Answer> out = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                out.add(futures.get(i).get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentChecksOfManyOfficersWithRetriesAndConflictsAreAnsweredAsAloneAndStoredOnce() throws Exception {
        for (int i = 0; i < OFFICERS; i++) {
            POLICY.officer(nip(i), UNIT, MANAGER_NIP, null);
        }
        // Per officer: a check-in sent three times (retries of one key) and a second check-in.
        List<CheckInRequest> winners = new ArrayList<>();
        List<CheckInRequest> firsts = new ArrayList<>();
        List<CheckInRequest> seconds = new ArrayList<>();
        List<Callable<AttendanceEvent>> calls = new ArrayList<>();
        for (int i = 0; i < OFFICERS; i++) {
            String nip = nip(i);
            CheckInRequest first = officeCheckIn(nip).setIdempotencyKey("in-" + i).build();
            CheckInRequest second = officeCheckIn(nip).setIdempotencyKey("in-again-" + i).build();
            firsts.add(first);
            seconds.add(second);
            for (int r = 0; r < 3; r++) {
                calls.add(() -> as(nip, Role.OFFICER).withDeadlineAfter(30, TimeUnit.SECONDS).checkIn(first));
            }
            calls.add(() -> as(nip, Role.OFFICER).withDeadlineAfter(30, TimeUnit.SECONDS).checkIn(second));
        }
        List<Answer> answers = together(calls);
        List<AttendanceEvent> checkIns = new ArrayList<>();
        for (int i = 0; i < OFFICERS; i++) {
            List<Answer> mine = answers.subList(4 * i, 4 * i + 4);
            Answer retried = mine.get(0);
            Answer other = mine.get(3);
            if (retried.event() != null) {
                // The retried key won: all three get the same event, the other key is refused.
                assertEquals(retried, mine.get(1), "officer " + i);
                assertEquals(retried, mine.get(2), "officer " + i);
                assertEquals("ALREADY_CHECKED_IN", other.reason(), "officer " + i);
                checkIns.add(retried.event());
                winners.add(firsts.get(i));
            } else {
                // The other key won: the three retries are all told so.
                assertTrue(other.event() != null, "officer " + i + ": " + mine);
                for (int r = 0; r < 3; r++) {
                    assertEquals("ALREADY_CHECKED_IN", mine.get(r).reason(), "officer " + i);
                }
                checkIns.add(other.event());
                winners.add(seconds.get(i));
            }
        }
        assertEquals(OFFICERS, count("SELECT COUNT(*) FROM attendance_event"));
        assertEquals(OFFICERS, count("SELECT COUNT(*) FROM open_session"));
        assertEquals(OFFICERS, count("SELECT COUNT(DISTINCT officer_nip) FROM open_session"));

        // Per officer: a check-out sent twice and a second check-out with another key.
        List<CheckOutRequest> outs = new ArrayList<>();
        calls.clear();
        for (int i = 0; i < OFFICERS; i++) {
            String nip = nip(i);
            CheckOutRequest first = officeCheckOut(nip).setIdempotencyKey("out-" + i).build();
            CheckOutRequest second = officeCheckOut(nip).setIdempotencyKey("out-again-" + i).build();
            outs.add(first);
            calls.add(() -> as(nip, Role.OFFICER).withDeadlineAfter(30, TimeUnit.SECONDS).checkOut(first));
            calls.add(() -> as(nip, Role.OFFICER).withDeadlineAfter(30, TimeUnit.SECONDS).checkOut(first));
            calls.add(() -> as(nip, Role.OFFICER).withDeadlineAfter(30, TimeUnit.SECONDS).checkOut(second));
        }
        answers = together(calls);
        Map<String, AttendanceEvent> checkOuts = new HashMap<>();
        for (int i = 0; i < OFFICERS; i++) {
            List<Answer> mine = answers.subList(3 * i, 3 * i + 3);
            Answer retried = mine.get(0);
            Answer other = mine.get(2);
            if (retried.event() != null) {
                assertEquals(retried, mine.get(1), "officer " + i);
                assertEquals("NOT_CHECKED_IN", other.reason(), "officer " + i);
                assertEquals(checkIns.get(i).getName(), retried.event().getCheckIn(), "officer " + i);
                checkOuts.put("out-" + i, retried.event());
            } else {
                assertTrue(other.event() != null, "officer " + i + ": " + mine);
                assertEquals("NOT_CHECKED_IN", mine.get(1).reason(), "officer " + i);
                checkOuts.put("out-again-" + i, other.event());
            }
        }
        assertEquals(2L * OFFICERS, count("SELECT COUNT(*) FROM attendance_event"));
        assertEquals(OFFICERS, count("SELECT COUNT(*) FROM attendance_event WHERE kind = 'CHECK_OUT'"));
        assertEquals(0, count("SELECT COUNT(*) FROM open_session"));

        // Retried later, each accepted request answers with what was stored: the same event.
        for (int i = 0; i < OFFICERS; i++) {
            String nip = nip(i);
            assertEquals(checkIns.get(i), as(nip, Role.OFFICER).checkIn(winners.get(i)));
            AttendanceEvent out = checkOuts.get("out-" + i);
            if (out != null) {
                assertEquals(out, as(nip, Role.OFFICER).checkOut(outs.get(i)));
            }
        }
        assertEquals(2L * OFFICERS, count("SELECT COUNT(*) FROM attendance_event"));
    }
}
