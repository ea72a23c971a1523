package io.jeda.gateway;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.ProblemAssertions;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Times and dates beyond what Jeda accepts are a bad argument naming the field, never INTERNAL or 500. */
class OutOfRangeInputTest extends GatewayTestBase {

    private void ask(Timestamp time) {
        ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                .getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + OFFICER)
                        .setUrgency(Urgency.URGENCY_ROUTINE).setTime(time).build());
    }

    @Test
    void aReachabilityTimeBeyondATimestampsRangeIsABadArgument() {
        assertFails(Status.Code.INVALID_ARGUMENT, "DATE_OUT_OF_RANGE",
                () -> ask(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE).build())).hasMetadata("field", "time");
        assertFails(Status.Code.INVALID_ARGUMENT, "DATE_OUT_OF_RANGE",
                () -> ask(Timestamp.newBuilder().setSeconds(-70_000_000_000L).build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_TIMESTAMP",
                () -> ask(Timestamp.newBuilder().setSeconds(1_800_000_000L).setNanos(-1).build()));
    }

    @Test
    void aScheduleFromBeforeYearOneIsABadRequestNamingTheField() {
        for (String from : new String[] {"-0001-01-01", "+10000-01-01"}) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.GET("/v1/me/schedule?from=" + from.replace("+", "%2B"))
                            .bearerAuth(Tokens.token(OFFICER, Role.OFFICER)), String.class));
            ProblemAssertions.assertProblem(400, "DATE_OUT_OF_RANGE", e.getStatus().getCode(),
                    e.getResponse().getContentType().map(Object::toString).orElse(""),
                    e.getResponse().getBody(String.class).orElse("")).hasMetadata("field", "from");
        }
    }
}
