package io.jeda.relay;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.relay.v1.CountHeldMessagesRequest;
import io.jeda.relay.v1.CountHeldMessagesResponse;
import io.jeda.relay.v1.HeldMessageCount;
import io.jeda.relay.v1.RelayWellbeingServiceGrpc;
import io.jeda.relay.v1.Urgency;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The wellbeing report's count of messages held out of an officer's rest time. */
class HeldMessageCountTest extends RelayTestBase {

    private RelayWellbeingServiceGrpc.RelayWellbeingServiceBlockingStub counts(String subject, Role... roles) {
        return RelayWellbeingServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }

    private CountHeldMessagesRequest around(Instant now) {
        return CountHeldMessagesRequest.newBuilder().addOfficers("officers/" + NIP).addOfficers("officers/" + OTHER_NIP)
                .setStartTime(ts(now.minus(Duration.ofDays(1)))).setEndTime(ts(now.plus(Duration.ofDays(1)))).build();
    }

    @Test
    void countsTheMessagesHeldUntilWorkButNotThoseDeliveredAtOnce() {
        Instant now = clock.now();
        Instant morning = now.plus(Duration.ofHours(9));
        GATEWAY.notReachable(NIP, morning, morning.plus(Duration.ofHours(8)), null);
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Jalan rusak").build());
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Lampu mati").build());
        GATEWAY.reachable(OTHER_NIP, now.plus(Duration.ofHours(8)));
        agency().submitMessage(message(OTHER_NIP, Urgency.URGENCY_ROUTINE, "Izin keramaian").build());

        CountHeldMessagesResponse r = counts("gateway", Role.SERVICE).countHeldMessages(around(now));
        assertEquals(List.of("officers/" + NIP, "officers/" + OTHER_NIP),
                r.getCountsList().stream().map(HeldMessageCount::getOfficer).toList());
        assertEquals(2, r.getCounts(0).getHeldMessages());
        assertEquals(0, r.getCounts(1).getHeldMessages(), "delivered at once: not held");

        // Outside the period: nothing.
        assertEquals(0, counts("hr", Role.HR).countHeldMessages(around(now).toBuilder()
                .setStartTime(ts(now.plus(Duration.ofDays(1)))).setEndTime(ts(now.plus(Duration.ofDays(2)))).build())
                .getCounts(0).getHeldMessages());
    }

    @Test
    void agenciesAndOfficersMayNotCountAndThePeriodIsBounded() {
        Instant now = clock.now();
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> counts(AGENCY, Role.AGENCY)
                .countHeldMessages(around(now)));
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> counts(NIP, Role.OFFICER)
                .countHeldMessages(around(now)));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_PERIOD", () -> counts("gateway", Role.SERVICE)
                .countHeldMessages(around(now).toBuilder().setEndTime(ts(now.plus(Duration.ofDays(90)))).build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "BATCH_SIZE", () -> counts("gateway", Role.SERVICE)
                .countHeldMessages(around(now).toBuilder().clearOfficers().build()));
    }
}
