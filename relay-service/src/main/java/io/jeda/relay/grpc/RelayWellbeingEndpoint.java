package io.jeda.relay.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.names.OfficerName;
import io.jeda.relay.app.HeldMessageCounts;
import io.jeda.relay.v1.CountHeldMessagesRequest;
import io.jeda.relay.v1.CountHeldMessagesResponse;
import io.jeda.relay.v1.HeldMessageCount;
import io.jeda.relay.v1.RelayWellbeingServiceGrpc;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** gRPC entry point of {@code jeda.relay.v1.RelayWellbeingService}. */
@Singleton
public class RelayWellbeingEndpoint extends RelayWellbeingServiceGrpc.RelayWellbeingServiceImplBase {

    private final HeldMessageCounts counts;

    public RelayWellbeingEndpoint(HeldMessageCounts counts) {
        this.counts = counts;
    }

    @Override
    public void countHeldMessages(CountHeldMessagesRequest request, StreamObserver<CountHeldMessagesResponse> response) {
        if (!request.hasStartTime() || !request.hasEndTime()) {
            throw JedaException.invalidArgument("INVALID_PERIOD", "start_time and end_time are required",
                    "field", request.hasStartTime() ? "end_time" : "start_time");
        }
        List<String> nips = request.getOfficersList().stream().map(n -> OfficerName.parse(n, "officers").nip()).toList();
        CountHeldMessagesResponse.Builder b = CountHeldMessagesResponse.newBuilder();
        counts.count(CallerContext.current(), nips, instant(request.getStartTime(), "start_time"),
                        instant(request.getEndTime(), "end_time"))
                .forEach((nip, n) -> b.addCounts(HeldMessageCount.newBuilder().setOfficer(OfficerName.of(nip).toString())
                        .setHeldMessages(n)));
        MessageEndpoint.done(response, b.build());
    }

    /** A timestamp outside the range protobuf allows (years 1 to 9999) is the caller's error, not ours. */
    private static Instant instant(com.google.protobuf.Timestamp t, String field) {
        if (!com.google.protobuf.util.Timestamps.isValid(t)) {
            throw JedaException.invalidArgument("INVALID_PERIOD", field + " is not a valid timestamp", "field", field);
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
