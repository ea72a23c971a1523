package io.jeda.common.tools;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.stub.StreamObserver;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.AuthInterceptor;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.grpc.ErrorInterceptor;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jeda command line as a newcomer uses it, against a real gRPC server with health and reflection. */
class JedaCliTest {

    private static final TokenService TOKENS = new TokenService(TokenCommand.DEV_SECRET, "", "jeda", true);
    private static Server server;
    private static int port;

    /** A unit service that answers for whoever calls with a valid token. */
    private static final class Units extends UnitServiceGrpc.UnitServiceImplBase {
        @Override
        public void getUnit(GetUnitRequest req, StreamObserver<Unit> out) {
            if (!req.getName().equals("units/diskominfo")) {
                throw JedaException.notFound("unit", req.getName());
            }
            out.onNext(Unit.newBuilder().setName(req.getName()).setDisplayName(CallerContext.current().subject()).build());
            out.onCompleted();
        }
    }

    @BeforeAll
    static void start() throws IOException {
        HealthStatusManager health = new HealthStatusManager();
        server = ServerBuilder.forPort(0)
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .addService(ServerInterceptors.intercept(new Units(), new AuthInterceptor(TOKENS),
                        new ErrorInterceptor("test")))
                .build().start();
        port = server.getPort();
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    private record Run(int exit, String out, String err) {
    }

    /** Runs the command as main does, with writers that show only what was flushed (as a process's stdout). */
    private static Run jeda(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = JedaCli.run(env, new PrintWriter(new BufferedWriter(out)), new PrintWriter(new BufferedWriter(err)), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run jeda(String... args) {
        return jeda(Map.of(), args);
    }

    @Test
    void aTokenForALowerCaseRoleIsMintedAndVerifies() {
        Run r = jeda("token", "199001012015011001", "officer");
        assertEquals(0, r.exit(), r.err());
        var caller = TOKENS.verify(r.out().trim());
        assertEquals("199001012015011001", caller.subject());
        assertEquals(java.util.Set.of(Role.OFFICER), caller.roles());
        Run two = jeda("token", "197805152005011002", "Manager,OFFICER", "2");
        assertEquals(java.util.Set.of(Role.MANAGER, Role.OFFICER), TOKENS.verify(two.out().trim()).roles());
    }

    @Test
    void anAdminTokenNamesTheUnitItAdministersNationalByDefault() {
        Run scoped = jeda("token", "admin-beltim", "admin", "--unit", "units/diskominfo-beltim");
        assertEquals(0, scoped.exit(), scoped.err());
        assertEquals("diskominfo-beltim", TOKENS.verify(scoped.out().trim()).unit());
        assertEquals("*", TOKENS.verify(jeda("token", "hr-1", "hr").out().trim()).unit());
        assertEquals(null, TOKENS.verify(jeda("token", "199001012015011001", "officer").out().trim()).unit(),
                "an officer's token names no unit");
    }

    @Test
    void anUnknownRoleIsOneLineListingTheValidRolesAndAFailure() {
        Run r = jeda("token", "199001012015011001", "boss");
        assertEquals(2, r.exit());
        assertEquals("", r.out(), "nothing on stdout, so $(...) captures no token");
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("unknown role 'boss'; valid roles: officer, manager, admin, hr, service, agency"),
                r.err());
    }

    @Test
    void aMissingRoleOrABadHourCountIsAUsageError() {
        Run r = jeda("token", "199001012015011001");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(2, jeda("token", "x", "officer", "many").exit());
        assertEquals(2, jeda("token", "x", "officer", "0").exit());
    }

    @Test
    void aShortSigningKeyIsRefusedBeforeMinting() {
        Run r = jeda(Map.of("JEDA_JWT_SECRET", "short"), "token", "x", "officer");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("JEDA_JWT_SECRET"), r.err());
    }

    @Test
    void healthOfOnePortPrintsItsStatus() {
        Run r = jeda("health", String.valueOf(port));
        assertEquals(0, r.exit(), r.err());
        assertEquals("SERVING", r.out().trim());
    }

    @Test
    void healthWithoutTargetsAsksEveryServiceOnItsConfiguredPort() throws IOException {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("JEDA_POLICY_GRPC_PORT", String.valueOf(port));
        env.put("JEDA_ATTENDANCE_GRPC_PORT", String.valueOf(free));
        env.put("JEDA_GATEWAY_GRPC_PORT", String.valueOf(free));
        Run r = jeda(env, "health", "--timeout", "1");
        assertEquals(1, r.exit(), "not every service is SERVING");
        var lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).matches("policy +127\\.0\\.0\\.1:" + port + " +SERVING"), lines.get(0));
        assertTrue(lines.get(1).matches("attendance +127\\.0\\.0\\.1:" + free + " +UNREACHABLE"), lines.get(1));
        // A service name is a target too, on its configured port.
        assertEquals("SERVING", jeda(env, "health", "policy").out().trim());
    }

    @Test
    void callListNamesEveryServiceAndMethod() {
        Run r = jeda("call", String.valueOf(port), "list");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("grpc.health.v1.Health\n  grpc.health.v1.Health/Check  (HealthCheckRequest) -> HealthCheckResponse"),
                r.out());
        assertTrue(r.out().contains("  jeda.policy.v1.UnitService/GetUnit  (GetUnitRequest) -> Unit"), r.out());
        Run one = jeda("call", String.valueOf(port), "jeda.policy.v1.UnitService");
        assertTrue(one.out().startsWith("jeda.policy.v1.UnitService\n"), one.out());
        assertTrue(!one.out().contains("Health"), one.out());
    }

    @Test
    void callSendsTheTokenFromTheEnvironmentAndPrintsTheAnswerAsJson() {
        String token = jeda("token", "hr-admin", "admin").out().trim();
        Run r = jeda(Map.of("JEDA_TOKEN", token), "call", String.valueOf(port), "jeda.policy.v1.UnitService/GetUnit",
                "{\"name\":\"units/diskominfo\"}");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"displayName\": \"hr-admin\""), r.out());
    }

    @Test
    void aRefusalIsPrintedAsJsonWithItsReasonAndExitCodeOne() {
        String token = jeda("token", "hr-admin", "admin").out().trim();
        Run r = jeda("call", "--token", token, String.valueOf(port), "jeda.policy.v1.UnitService/GetUnit",
                "{\"name\":\"units/nope\"}");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("\"error\": \"NOT_FOUND\""), r.out());
        assertTrue(r.out().contains("\"reason\": \"UNIT_NOT_FOUND\""), r.out());
        Run anonymous = jeda("call", String.valueOf(port), "jeda.policy.v1.UnitService/GetUnit", "{}");
        assertTrue(anonymous.out().contains("\"error\": \"UNAUTHENTICATED\""), anonymous.out());
    }

    @Test
    void mistakesAreOneLineEach() {
        Run method = jeda("call", String.valueOf(port), "jeda.policy.v1.UnitService/Nope");
        assertEquals(1, method.exit());
        assertTrue(method.err().contains("has no method 'Nope'; its methods: "), method.err());
        Run service = jeda("call", String.valueOf(port), "jeda.policy.v1.NoService/Get");
        assertTrue(service.err().contains("the server has no service jeda.policy.v1.NoService"), service.err());
        Run json = jeda("call", String.valueOf(port), "jeda.policy.v1.UnitService/GetUnit", "{\"nome\":1}");
        assertEquals(2, json.exit());
        assertTrue(json.err().contains("JSON does not fit the request type"), json.err());
        Run target = jeda("call", "polcy", "list");
        assertEquals(2, target.exit());
        assertTrue(target.err().contains("'polcy' is not a PORT, HOST:PORT or one of policy, attendance, gateway"),
                target.err());
        for (Run r : java.util.List.of(method, service, json, target)) {
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    void nothingListeningIsSaidPlainly() throws IOException {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        Run r = jeda("call", String.valueOf(free), "list");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("nothing answers on 127.0.0.1:" + free), r.err());
    }

    @Test
    void helpNamesEveryCommand() {
        Run r = jeda("help");
        assertEquals(0, r.exit());
        for (String c : new String[]{"token", "health", "call"}) {
            assertTrue(r.out().contains(c), r.out());
        }
        Run token = jeda("token", "--help");
        assertEquals(0, token.exit());
        assertTrue(token.out().contains("officer, manager, admin, hr, service, agency"), token.out());
        assertEquals(2, jeda().exit());
        assertEquals(2, jeda("nonsense").exit());
    }
}
