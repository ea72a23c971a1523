package io.jeda.gateway;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.InquiryServiceGrpc;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.testing.ServerChecks;
import io.jeda.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a client of the gateway's gRPC API gets for requests that are not what they should be. */
class GrpcBasicsTest extends GatewayTestBase {

    @Test
    void bytesThatAreNoRequestAreABadArgumentOnEveryMethod() {
        ServerChecks.assertMalformedRequestsRefused(channel, Tokens.as("desk-1", Role.AGENCY, Role.SERVICE),
                List.of(ReachabilityServiceGrpc.getServiceDescriptor(), InquiryServiceGrpc.getServiceDescriptor()));
    }

    @ParameterizedTest
    @ValueSource(ints = {2_000, 100_000})
    void aLongNameIsRefusedAsABadArgumentWithABoundedEcho(int length) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ReachabilityServiceGrpc
                .newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                .getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + "9".repeat(length)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), String.valueOf(e.getStatus()));
        ServerChecks.assertBoundedEcho(e);
    }
}
