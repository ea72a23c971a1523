package io.jeda.common.tools;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Asks gRPC health ({@code grpc.health.v1}) of local services. */
@Command(name = "health", mixinStandardHelpOptions = true, description = {
        "Prints the gRPC health of local services: without TARGET every service",
        "on the ports $JEDA_POLICY_GRPC_PORT (50061), $JEDA_ATTENDANCE_GRPC_PORT",
        "(50062) and $JEDA_GATEWAY_GRPC_PORT (50060), one line each; with one",
        "TARGET only its status. Exit code 0 when every service asked is SERVING."})
final class HealthCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    JedaCli cli;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TARGET",
            description = "PORT, HOST:PORT, or policy, attendance, gateway")
    List<String> targets = List.of();

    @CommandLine.Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "how long to wait for each answer (default ${DEFAULT-VALUE}; a port where nothing"
                    + " listens answers at once)")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (targets.size() == 1) {
            String status = status(address(targets.get(0)));
            out.println(status);
            return "SERVING".equals(status) ? 0 : 1;
        }
        boolean all = true;
        if (targets.isEmpty()) {
            for (Targets.Service s : Targets.SERVICES) {
                String address = s.address(cli.env);
                String status = status(address);
                out.printf("%-11s %-16s %s%n", s.name(), address, status);
                all &= "SERVING".equals(status);
            }
        } else {
            for (String t : targets) {
                String address = address(t);
                String status = status(address);
                out.printf("%-16s %s%n", address, status);
                all &= "SERVING".equals(status);
            }
        }
        return all ? 0 : 1;
    }

    private String address(String target) {
        try {
            return Targets.address(target, cli.env);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** SERVING, NOT_SERVING, ..., UNREACHABLE when nothing listens, TIMEOUT when no answer came in time. */
    private String status(String address) {
        ManagedChannel ch = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
        try {
            HealthCheckResponse r = HealthGrpc.newBlockingStub(ch).withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance());
            return r.getStatus().name();
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED ? "TIMEOUT" : "UNREACHABLE";
        } finally {
            ch.shutdownNow();
        }
    }
}
