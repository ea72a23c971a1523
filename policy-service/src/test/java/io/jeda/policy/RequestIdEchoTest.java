package io.jeda.policy;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.testing.RequestIds;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service takes part in request ids (common's RequestIdServerInterceptor): the caller's
 * x-request-id comes back on the answer, and on a refusal, so both sides' logs can be matched.
 */
class RequestIdEchoTest extends PolicyTestBase {

    private static void health(Channel c) {
        HealthGrpc.newBlockingStub(c).check(HealthCheckRequest.getDefaultInstance());
    }

    @Test
    void answeredCallEchoesTheCallersId() {
        assertEquals("gw-1234", RequestIds.call(channel, "gw-1234", RequestIdEchoTest::health).id());
    }

    @Test
    void refusedCallCarriesTheIdInItsTrailers() {
        RequestIds.Exchange x = RequestIds.call(channel, "refused-1", c -> UnitServiceGrpc.newBlockingStub(c).getUnit(GetUnitRequest.newBuilder().setName("units/x").build()));
        assertNotNull(x.refusal(), "the call without a token must be refused");
        assertEquals(Status.Code.UNAUTHENTICATED, x.refusal().getStatus().getCode());
        assertEquals("refused-1", x.id());
    }

    @Test
    void callWithoutAnIdGetsOneMadeForIt() {
        String id = RequestIds.call(channel, null, RequestIdEchoTest::health).id();
        assertTrue(id != null && id.matches("[0-9a-f]{32}"), "made id: " + id);
    }
}
