package io.jeda.common.tools;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a local service listens: a target written as {@code PORT}, {@code HOST:PORT} or a service
 * name ({@code policy}, {@code attendance}, {@code gateway}), whose port comes from the same settings
 * {@code ./jeda up} uses ({@code JEDA_POLICY_GRPC_PORT} and so on).
 */
final class Targets {

    /** A local service and its gRPC port setting. */
    record Service(String name, String portVariable, int defaultPort) {
        String address(Map<String, String> env) {
            return "127.0.0.1:" + env.getOrDefault(portVariable, String.valueOf(defaultPort));
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("policy", "JEDA_POLICY_GRPC_PORT", 50061),
            new Service("attendance", "JEDA_ATTENDANCE_GRPC_PORT", 50062),
            new Service("gateway", "JEDA_GATEWAY_GRPC_PORT", 50060));

    private Targets() {
    }

    /**
     * @throws IllegalArgumentException when the text is none of the three forms
     */
    static String address(String target, Map<String, String> env) {
        String t = target.trim();
        for (Service s : SERVICES) {
            if (s.name().equals(t.toLowerCase(Locale.ROOT)) || (s.name() + "-service").equals(t.toLowerCase(Locale.ROOT))) {
                return s.address(env);
            }
        }
        if (t.matches("[0-9]{1,5}")) {
            return "127.0.0.1:" + t;
        }
        if (t.matches("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}")) {
            return t;
        }
        throw new IllegalArgumentException("'" + target + "' is not a PORT, HOST:PORT or one of policy, attendance, gateway");
    }
}
