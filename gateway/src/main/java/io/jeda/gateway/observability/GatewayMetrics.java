package io.jeda.gateway.observability;

import io.grpc.Status;
import io.jeda.gateway.reachability.Reachability;
import io.jeda.gateway.reachability.Sources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The gateway's own counters, registered once at start so that the hot path only increments:
 * degraded answers by the source that was missing, and failed calls to the services behind by service
 * and status code. Series (Prometheus names): {@code jeda_reachability_degraded_total{source}},
 * {@code jeda_downstream_errors_total{service,status}}.
 */
@Singleton
public class GatewayMetrics {

    static final String DEGRADED = "jeda.reachability.degraded";
    static final String DOWNSTREAM_ERRORS = "jeda.downstream.errors";

    private static final Status.Code[] CODES = Status.Code.values();

    private final Counter degradedPolicy;
    private final Counter degradedAttendance;
    private final Counter degradedOther;
    private final Counter[] policyErrors;
    private final Counter[] attendanceErrors;

    public GatewayMetrics(MeterRegistry registry) {
        this.degradedPolicy = degraded(registry, Sources.POLICY);
        this.degradedAttendance = degraded(registry, Sources.ATTENDANCE);
        this.degradedOther = degraded(registry, "other");
        this.policyErrors = errors(registry, Sources.POLICY);
        this.attendanceErrors = errors(registry, Sources.ATTENDANCE);
    }

    private static Counter degraded(MeterRegistry registry, String source) {
        return Counter.builder(DEGRADED).description("Reachability answers made without a source that did not answer")
                .tag("source", source).register(registry);
    }

    private static Counter[] errors(MeterRegistry registry, String service) {
        Counter[] out = new Counter[CODES.length];
        for (Status.Code c : CODES) {
            out[c.ordinal()] = Counter.builder(DOWNSTREAM_ERRORS)
                    .description("Calls to a service behind the gateway that failed (any status but OK and NOT_FOUND)")
                    .tag("service", service).tag("status", c.name()).register(registry);
        }
        return out;
    }

    /** Counts one answer once per source it had to do without; nothing for a complete answer. */
    public void answered(Reachability answer) {
        if (!answer.degraded()) {
            return;
        }
        List<String> sources = answer.degradedSources();
        for (int i = 0; i < sources.size(); i++) {
            String s = sources.get(i);
            if (Sources.POLICY.equals(s)) {
                degradedPolicy.increment();
            } else if (Sources.ATTENDANCE.equals(s)) {
                degradedAttendance.increment();
            } else {
                degradedOther.increment();
            }
        }
    }

    /**
     * Counts a failed call to policy-service or attendance-service, told apart by the gRPC service
     * name's package ({@code jeda.policy.v1...}); calls to anything else are not counted here.
     */
    void downstreamFailed(String grpcServiceName, Status.Code code) {
        Counter[] byCode = forService(grpcServiceName);
        if (byCode != null) {
            byCode[code.ordinal()].increment();
        }
    }

    private Counter[] forService(String grpcServiceName) {
        if (grpcServiceName == null) {
            return null;
        }
        if (grpcServiceName.startsWith("jeda.policy.")) {
            return policyErrors;
        }
        if (grpcServiceName.startsWith("jeda.attendance.")) {
            return attendanceErrors;
        }
        return null;
    }
}
