package io.jeda.relay.client;

import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.jeda.common.grpc.Budgeted;
import io.jeda.common.grpc.Outcome;
import io.jeda.common.names.OfficerName;
import io.jeda.common.security.ServiceIdentity;
import io.jeda.common.security.TokenService;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.relay.domain.ManagerLookup;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reads an officer's direct manager from policy-service, as this service, with a deadline. */
@Singleton
public class PolicyManagers implements ManagerLookup {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyManagers.class);

    private final OfficerServiceGrpc.OfficerServiceBlockingStub stub;
    private final Duration deadline;

    public PolicyManagers(@GrpcChannel("policy") ManagedChannel channel, TokenService tokens,
                          @Value("${jeda.relay.policy.deadline:500ms}") Duration deadline,
                          @Value("${jeda.relay.service-token-ttl:10m}") Duration tokenTtl) {
        this.stub = OfficerServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(new ServiceIdentity(tokens, "relay-service", tokenTtl));
        this.deadline = deadline;
    }

    @Override
    public Optional<String> managerOf(String nip) {
        GetOfficerRequest request = GetOfficerRequest.newBuilder().setName(OfficerName.of(nip).toString()).build();
        Outcome<Officer> officer = Budgeted.call(Deadline.after(deadline.toMillis(), TimeUnit.MILLISECONDS), "policy",
                d -> stub.withDeadline(d).getOfficer(request));
        if (officer instanceof Outcome.Failed<Officer> f) {
            LOG.warn("manager of {} not known: {} {}", nip, f.reason(), f.message());
            return Optional.empty();
        }
        return officer.present().map(Officer::getManager).filter(m -> !m.isEmpty())
                .map(m -> OfficerName.parse(m, "manager").nip());
    }
}
