package io.jeda.policy;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.jeda.common.security.Role;
import io.jeda.policy.persistence.ChangeEventRepository;
import io.jeda.policy.v1.ApprovePlanRequest;
import io.jeda.policy.v1.Change;
import io.jeda.policy.v1.ChangeFeedServiceGrpc;
import io.jeda.policy.v1.ChangeScope;
import io.jeda.policy.v1.Plan;
import io.jeda.policy.v1.WatchChangesRequest;
import io.jeda.policy.v1.WatchChangesResponse;
import io.jeda.testing.TestDatabase;
import io.jeda.testing.Tokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change feed end to end on the real database: a plan approved through one replica reaches a
 * stream opened on another replica within a second; a subscriber that comes back after a replica
 * restart gets what it missed; one whose sequence the outbox no longer holds is told to reset.
 */
class ChangeFeedTest extends PlanEndpointTestBase {

    @Inject
    ChangeEventRepository outbox;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        opened.clear();
    }

    /** A second policy-service replica on the same database, with its own gRPC port. */
    private ManagedChannel replica() {
        Map<String, Object> p = new HashMap<>(TestDatabase.properties("policy"));
        p.put("grpc.server.port", 0);
        p.put("micronaut.server.port", -1);
        p.put("jeda.security.jwt.hmac-secret", Tokens.DEV_SECRET);
        ApplicationContext ctx = ApplicationContext.run(p, "test");
        int port = ctx.getBean(GrpcEmbeddedServer.class).getPort();
        ManagedChannel ch = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        opened.add(() -> {
            ch.shutdownNow();
            ctx.close();
        });
        return ch;
    }

    /** An open stream whose messages land in a queue. */
    private static final class Watch implements AutoCloseable {
        final BlockingQueue<WatchChangesResponse> got = new LinkedBlockingQueue<>();
        final BlockingQueue<Status> ended = new LinkedBlockingQueue<>();
        ClientCallStreamObserver<?> call;

        Watch(ManagedChannel ch, long after, io.grpc.CallCredentials who) {
            ChangeFeedServiceGrpc.newStub(ch).withCallCredentials(who).watchChanges(
                    WatchChangesRequest.newBuilder().setAfterSequence(after).build(),
                    new ClientResponseObserver<WatchChangesRequest, WatchChangesResponse>() {
                        @Override
                        public void beforeStart(ClientCallStreamObserver<WatchChangesRequest> s) {
                            call = s;
                        }

                        @Override
                        public void onNext(WatchChangesResponse v) {
                            got.add(v);
                        }

                        @Override
                        public void onError(Throwable t) {
                            ended.add(Status.fromThrowable(t));
                        }

                        @Override
                        public void onCompleted() {
                            ended.add(Status.OK);
                        }
                    });
        }

        /** The next change (heartbeats skipped), waiting at most the timeout. */
        Change nextChange(Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                WatchChangesResponse m = got.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m != null && m.hasChange()) {
                    return m.getChange();
                }
            }
            return null;
        }

        long firstHeartbeat() throws InterruptedException {
            WatchChangesResponse m = got.poll(10, TimeUnit.SECONDS);
            assertNotNull(m, "no first message");
            assertTrue(m.hasHeartbeat(), m.toString());
            return m.getHeartbeat().getSequence();
        }

        @Override
        public void close() {
            if (call != null) {
                call.cancel("done", null);
            }
        }
    }

    private Watch watch(ManagedChannel ch, long after) {
        Watch w = new Watch(ch, after, Tokens.as(SERVICE, Role.SERVICE));
        opened.add(w);
        return w;
    }

    @Test
    void aPlanApprovedThroughOneReplicaReachesAStreamOnAnotherWithinASecond() throws Exception {
        ManagedChannel other = replica();
        Watch w = watch(other, 0);
        w.firstHeartbeat();
        Plan submitted = submitted(OFFICER);
        assertNotNull(w.nextChange(Duration.ofSeconds(5)), "the submission was not streamed");

        Instant asked = Instant.now();
        manager().approvePlan(ApprovePlanRequest.newBuilder().setName(submitted.getName()).build());
        Change c = w.nextChange(Duration.ofSeconds(5));
        Duration took = Duration.between(asked, Instant.now());

        assertNotNull(c, "no change streamed");
        assertEquals(ChangeScope.CHANGE_SCOPE_OFFICER, c.getScope());
        assertEquals("officers/" + OFFICER, c.getOfficer());
        assertEquals(submitted.getName(), c.getResource());
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "took " + took);
    }

    @Test
    void aSubscriberBackAfterAReplicaRestartGetsWhatItMissed() throws Exception {
        ManagedChannel first = replica();
        Watch w = watch(first, 0);
        long start = w.firstHeartbeat();
        Plan a = submitted(OFFICER);
        manager().approvePlan(ApprovePlanRequest.newBuilder().setName(a.getName()).build());
        Change seen = w.nextChange(Duration.ofSeconds(5));
        assertNotNull(seen);
        assertTrue(seen.getSequence() > start);
        // The replica it watched goes away; changes go on through the other one meanwhile.
        closeAll();
        Plan b = submitted(COLLEAGUE);
        manager().approvePlan(ApprovePlanRequest.newBuilder().setName(b.getName()).build());

        Watch again = watch(replica(), seen.getSequence());
        Change missed = again.nextChange(Duration.ofSeconds(5));

        assertNotNull(missed, "the change made while away was lost");
        // First what it missed of the first plan (its approval, if the stream ended before it), then the second's.
        while (missed != null && missed.getOfficer().equals("officers/" + OFFICER)) {
            missed = again.nextChange(Duration.ofSeconds(5));
        }
        assertNotNull(missed, "the change made while away was lost");
        assertEquals("officers/" + COLLEAGUE, missed.getOfficer());
        assertEquals(b.getName(), missed.getResource());
        assertTrue(!missed.getReset());
    }

    @Test
    void aSubscriberOlderThanTheOutboxIsToldToReset() throws Exception {
        Plan a = submitted(OFFICER);
        manager().approvePlan(ApprovePlanRequest.newBuilder().setName(a.getName()).build());
        Plan b = submitted(COLLEAGUE);
        manager().approvePlan(ApprovePlanRequest.newBuilder().setName(b.getName()).build());
        long newest = outbox.newest();
        // Retention passed for all but the newest.
        outbox.prune(Instant.now().plus(Duration.ofDays(3650)), newest, 1000);
        Watch w = watch(replica(), newest - 2);
        Change c = w.nextChange(Duration.ofSeconds(5));

        assertNotNull(c);
        assertTrue(c.getReset(), c.toString());
        assertEquals(ChangeScope.CHANGE_SCOPE_ALL, c.getScope());
    }

    @Test
    void onlyServicesMayWatch() {
        assertFails(Status.Code.PERMISSION_DENIED, "SERVICE_REQUIRED", () -> ChangeFeedServiceGrpc
                .newBlockingStub(channel).withCallCredentials(Tokens.as(OFFICER, Role.OFFICER))
                .watchChanges(WatchChangesRequest.getDefaultInstance()).hasNext());
    }
}
