package io.jeda.relay.client;

import com.google.protobuf.Timestamp;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.Budgeted;
import io.jeda.common.grpc.Outcome;
import io.jeda.common.names.OfficerName;
import io.jeda.common.security.ServiceIdentity;
import io.jeda.common.security.TokenService;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.relay.domain.Reachability;
import io.jeda.relay.domain.ReachabilityLookup;
import io.jeda.relay.domain.Urgency;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks the gateway's reachability engine, as this service (a SERVICE token), with a deadline. A
 * failure or a late answer is empty: the message is then stored and answered as degraded.
 */
@Singleton
public class GatewayReachability implements ReachabilityLookup {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayReachability.class);

    private final ReachabilityServiceGrpc.ReachabilityServiceBlockingStub stub;
    private final Duration deadline;

    public GatewayReachability(@GrpcChannel("gateway") ManagedChannel channel, TokenService tokens,
                               @Value("${jeda.relay.gateway.deadline:800ms}") Duration deadline,
                               @Value("${jeda.relay.service-token-ttl:10m}") Duration tokenTtl) {
        this.stub = ReachabilityServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(new ServiceIdentity(tokens, "relay-service", tokenTtl));
        this.deadline = deadline;
    }

    @Override
    public Optional<Reachability> ask(String nip, Urgency urgency, Instant at) {
        GetReachabilityRequest.Builder request = GetReachabilityRequest.newBuilder()
                .setOfficer(OfficerName.of(nip).toString())
                .setUrgency(io.jeda.gateway.v1.Urgency.valueOf("URGENCY_" + urgency.name()));
        if (at != null) {
            request.setTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()));
        }
        Outcome<io.jeda.gateway.v1.Reachability> answer = Budgeted.call(
                Deadline.after(deadline.toMillis(), TimeUnit.MILLISECONDS), "gateway",
                d -> stub.withDeadline(d).getReachability(request.build()));
        if (answer instanceof Outcome.Failed<io.jeda.gateway.v1.Reachability> f) {
            if (f.kind() == ErrorKind.NOT_FOUND) {
                // Not a failure to degrade over: nobody will ever receive this message.
                throw JedaException.of(ErrorKind.NOT_FOUND, "RECIPIENT_NOT_FOUND", "officer " + nip + " does not exist",
                        "recipient", OfficerName.of(nip).toString());
            }
            if (f.kind() == ErrorKind.INVALID_ARGUMENT) {
                throw JedaException.invalidArgument("INVALID_RECIPIENT", "recipient is not a valid officer: "
                        + f.message(), "field", "recipient", "cause", f.reason());
            }
            LOG.warn("reachability of {} not known: {} {}", nip, f.reason(), f.message());
            return Optional.empty();
        }
        return answer.present().map(GatewayReachability::toDomain);
    }

    static Reachability toDomain(io.jeda.gateway.v1.Reachability r) {
        return new Reachability(nip(r.getOfficer()), r.getReachable(),
                r.hasNextReachableAt() ? instant(r.getNextReachableAt()) : null,
                r.hasRespondBy() ? instant(r.getRespondBy()) : null,
                r.hasContactInstead() ? toDomain(r.getContactInstead()) : null,
                r.getReasonsList(), r.getTimeZone());
    }

    private static String nip(String name) {
        return OfficerName.parse(name, "officer").nip();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
