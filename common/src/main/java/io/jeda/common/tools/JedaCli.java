package io.jeda.common.tools;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Small operator commands used by the {@code jeda} script: ask a service's gRPC health, and mint
 * demo tokens with the development issuer. It never runs inside a service.
 */
public final class JedaCli {

    /** The development secret of local runs; production deployments set JEDA_JWT_SECRET or a JWKS URI. */
    static final String DEV_SECRET = "jeda-development-secret-not-for-production-use-0001";

    private JedaCli() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "health" -> System.exit(health(args.length > 1 ? args[1] : "127.0.0.1:50061"));
            case "token" -> token(args);
            case "call" -> System.exit(call(args));
            default -> usage();
        }
    }

    private static int health(String target) {
        ManagedChannel ch = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
        try {
            HealthCheckResponse r = HealthGrpc.newBlockingStub(ch).withDeadlineAfter(2, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance());
            System.out.println(r.getStatus());
            return r.getStatus() == HealthCheckResponse.ServingStatus.SERVING ? 0 : 1;
        } catch (StatusRuntimeException e) {
            System.out.println("UNREACHABLE " + e.getStatus().getCode());
            return 2;
        } finally {
            ch.shutdownNow();
        }
    }

    private static void token(String[] args) {
        if (args.length < 3) {
            usage();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(args[2].split(",")).map(String::trim).map(Role::valueOf).forEach(roles::add);
        long hours = args.length > 3 ? Long.parseLong(args[3]) : 12;
        String secret = System.getenv().getOrDefault("JEDA_JWT_SECRET", DEV_SECRET);
        String issuer = System.getenv().getOrDefault("JEDA_JWT_ISSUER", "jeda");
        TokenService tokens = new TokenService(secret, "", issuer, true);
        System.out.println(tokens.mint(args[1], roles, Duration.ofHours(hours)));
    }

    /** call HOST:PORT package.Service/Method [JSON] [TOKEN]: prints the response as JSON. */
    private static int call(String[] args) {
        if (args.length < 3) {
            usage();
        }
        ManagedChannel ch = ManagedChannelBuilder.forTarget(args[1]).usePlaintext().build();
        try {
            System.out.println(DynamicCall.call(ch, args[2], args.length > 3 ? args[3] : "{}",
                    args.length > 4 ? args[4] : System.getenv("JEDA_TOKEN")));
            return 0;
        } catch (StatusRuntimeException e) {
            System.out.println("{\"error\": \"" + e.getStatus().getCode() + "\", \"reason\": \""
                    + io.jeda.common.grpc.GrpcErrors.reason(e) + "\", \"violations\": \""
                    + String.join(",", io.jeda.common.grpc.GrpcErrors.violationTypes(e)) + "\", \"message\": \""
                    + String.valueOf(e.getStatus().getDescription()).replace("\"", "'") + "\"}");
            return 1;
        } catch (Exception e) {
            System.out.println("{\"error\": \"" + e.getClass().getSimpleName() + "\", \"message\": \""
                    + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}");
            return 1;
        } finally {
            ch.shutdownNow();
        }
    }

    private static void usage() {
        System.err.println("usage: JedaCli health HOST:PORT | token SUBJECT ROLE[,ROLE] [HOURS] | call HOST:PORT pkg.Service/Method [JSON] [TOKEN]");
        System.exit(64);
    }
}
