package io.jeda.attendance;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.CheckOutRequest;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A phone on a bad network retries; the officer is checked in once, whatever happens. */
class IdempotencyTest extends AttendanceTestBase {

    @Test
    void retryWithTheSameKeyReturnsTheFirstResultAndStoresNothingNew() {
        CheckInRequest request = officeCheckIn(NIP).setIdempotencyKey("morning-1").build();
        AttendanceEvent first = officer().checkIn(request);
        AttendanceEvent again = officer().checkIn(request);
        assertEquals(first, again);
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event"));

        CheckOutRequest out = officeCheckOut(NIP).setIdempotencyKey("evening-1").build();
        AttendanceEvent closed = officer().checkOut(out);
        // The session is closed now, yet the retried check-out still answers as the first did.
        assertEquals(closed, officer().checkOut(out));
        assertEquals(2, count("SELECT COUNT(*) FROM attendance_event"));
    }

    @Test
    void retryAfterTheSessionWasClosedStillReturnsTheFirstCheckIn() {
        CheckInRequest request = officeCheckIn(NIP).setIdempotencyKey("k1").build();
        AttendanceEvent first = officer().checkIn(request);
        officer().checkOut(officeCheckOut(NIP).build());
        assertEquals(first, officer().checkIn(request));
        assertEquals(0, count("SELECT COUNT(*) FROM open_session"));
    }

    @Test
    void sameKeyWithAnotherRequestIsRefused() {
        officer().checkIn(officeCheckIn(NIP).setIdempotencyKey("k1").build());
        assertFails(Status.Code.FAILED_PRECONDITION, "IDEMPOTENCY_KEY_REUSED", () -> officer().checkIn(officeCheckIn(NIP)
                .setIdempotencyKey("k1").setPosition(at(OFFICE_LAT, OFFICE_LON, 12)).build()))
                .hasMetadata("idempotencyKey", "k1");
        // A check-out may not reuse a check-in's key either.
        assertFails(Status.Code.FAILED_PRECONDITION, "IDEMPOTENCY_KEY_REUSED", () -> officer().checkOut(officeCheckOut(NIP)
                .setIdempotencyKey("k1").build()));
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event"));
    }

    @Test
    void keysArePerOfficer() {
        officer().checkIn(officeCheckIn(NIP).setIdempotencyKey("shared").build());
        as(OTHER_NIP, Role.OFFICER).checkIn(officeCheckIn(OTHER_NIP).setIdempotencyKey("shared").build());
        assertEquals(2, count("SELECT COUNT(*) FROM attendance_event"));
    }

    @Test
    void fiftyConcurrentRetriesOfOneKeyStoreExactlyOneRecord() throws Exception {
        CheckInRequest request = officeCheckIn(NIP).setIdempotencyKey("storm").build();
        AttendanceServiceGrpc.AttendanceServiceBlockingStub stub = AttendanceServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as(NIP, Role.OFFICER));
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AttendanceEvent>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return stub.withDeadlineAfter(30, TimeUnit.SECONDS).checkIn(request);
                }));
            }
            go.countDown();
            Set<AttendanceEvent> distinct = new HashSet<>();
            for (Future<AttendanceEvent> f : results) {
                distinct.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, distinct.size(), "every retry must see the same first result");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event"));
        assertEquals(1, count("SELECT COUNT(*) FROM open_session"));
    }

    @Test
    void concurrentCheckInsWithDifferentKeysOpenOneSession() throws Exception {
        AttendanceServiceGrpc.AttendanceServiceBlockingStub stub = officer();
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                CheckInRequest request = officeCheckIn(NIP).setIdempotencyKey("k-" + i).build();
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        stub.withDeadlineAfter(30, TimeUnit.SECONDS).checkIn(request);
                        return "OK";
                    } catch (StatusRuntimeException e) {
                        return GrpcErrors.reason(e);
                    }
                }));
            }
            go.countDown();
            int ok = 0;
            for (Future<String> f : results) {
                String r = f.get(60, TimeUnit.SECONDS);
                if (r.equals("OK")) {
                    ok++;
                } else {
                    assertEquals("ALREADY_CHECKED_IN", r);
                }
            }
            assertEquals(1, ok);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event"));
        assertTrue(count("SELECT COUNT(*) FROM open_session") == 1);
    }
}
