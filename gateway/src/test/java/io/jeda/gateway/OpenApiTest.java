package io.jeda.gateway;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.common.security.Role;
import io.jeda.gateway.http.OpenApiDocument;
import io.jeda.policy.v1.PlanState;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document is the contract: served without a token, it lists exactly the routes the
 * gateway has, each operation has a summary and real schemas for its body and answers, every error
 * answer is a problem, and every example request in it is sent to the running gateway (against the
 * fake services) and accepted, its answer carrying every field the schema marks as required.
 */
class OpenApiTest extends GatewayTestBase {

    private static final Map<String, Object> DOC = OpenApiDocument.build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Inject
    Router router;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /** Follows a local $ref (#/components/...). */
    private static Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        Map<String, Object> at = DOC;
        for (String part : ((String) ref).substring(2).split("/")) {
            at = map(at.get(part));
            assertNotNull(at, "dangling " + ref);
        }
        return resolve(at);
    }

    record Operation(String method, String path, Map<String, Object> spec) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    static Stream<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        map(DOC.get("paths")).forEach((path, item) -> map(item).forEach((method, op) -> {
            if (METHODS.contains(method)) {
                out.add(new Operation(method, path, map(op)));
            }
        }));
        return out.stream();
    }

    @Test
    void theServedDocumentIsTheContractWithServersAndTheBearerScheme() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/openapi.yml"), String.class);
        assertEquals(HttpStatus.OK, r.getStatus());
        assertTrue(r.getContentType().orElseThrow().getName().contains("yaml"));
        Map<String, Object> served = new Yaml().load(r.body());
        assertEquals(DOC, served);

        assertTrue(String.valueOf(DOC.get("openapi")).startsWith("3."));
        assertFalse(list(DOC.get("servers")).isEmpty());
        Map<String, Object> bearer = map(map(map(DOC.get("components")).get("securitySchemes")).get("bearerAuth"));
        assertEquals("bearer", bearer.get("scheme"));
        assertEquals(List.of(Map.of("bearerAuth", List.of())), DOC.get("security"));

        // Field descriptions come from the .proto comments: units, zones and formats in one place.
        Map<String, Object> asOf = map(map(map(map(map(DOC.get("components")).get("schemas")).get("Reachability"))
                .get("properties")).get("asOf"));
        assertEquals("date-time", asOf.get("format"));
        assertTrue(String.valueOf(asOf.get("description")).contains("the instant asked about"), asOf.toString());
    }

    @Test
    void theDocumentListsExactlyTheRoutesOfTheApi() {
        // HEAD routes are Micronaut's own twins of the GET routes.
        Set<String> routes = router.uriRoutes().filter(r -> r.getUriMatchTemplate().toString().startsWith("/v1/"))
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .map(r -> r.getHttpMethod().name() + " " + r.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = operations().map(Operation::toString).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(routes, documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everyOperationHasASummaryAndSchemasAndProblemErrors(Operation op) {
        Map<String, Object> spec = op.spec();
        assertFalse(String.valueOf(spec.get("summary")).isBlank(), "summary");
        assertNotNull(spec.get("operationId"), "operationId");
        Map<String, Object> responses = map(spec.get("responses"));
        Map<String, Object> ok = resolve(map(responses.get("200")));
        Map<String, Object> content = map(ok.get("content"));
        if (content.containsKey("text/csv")) {
            // A file (the CSV export), not a JSON answer.
            assertEquals("string", map(map(content.get("text/csv")).get("schema")).get("type"), op + " answers text");
        } else {
            Map<String, Object> okSchema = resolve(map(map(content.get("application/json")).get("schema")));
            assertEquals("object", okSchema.get("type"), op + " answers a real object");
            // Only a deletion answers the empty object.
            assertTrue(!map(okSchema.get("properties")).isEmpty() || op.method().equals("delete"),
                    op + " answer has properties");
        }
        responses.forEach((code, r) -> {
            if (!code.equals("200")) {
                Map<String, Object> problem = resolve(map(map(map(resolve(map(r)).get("content"))
                        .get("application/problem+json")).get("schema")));
                assertEquals(List.of("type", "title", "status", "detail", "reason", "metadata"), problem.get("required"));
            }
        });
        if (spec.containsKey("requestBody")) {
            Map<String, Object> json = map(map(map(spec.get("requestBody")).get("content")).get("application/json"));
            Map<String, Object> body = resolve(map(json.get("schema")));
            assertEquals("object", body.get("type"));
            assertFalse(list(body.get("required")).isEmpty(), op + " body marks its required fields");
            assertNotNull(json.get("example"), op + " has an example body");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everyExampleRequestIsAcceptedAndAnsweredAsDocumented(Operation op) {
        String token = token(op);
        StringBuilder path = new StringBuilder();
        List<String> query = new ArrayList<>();
        MutableHttpRequest<Object> req;
        String uri = op.path();
        List<Map<String, Object>> headers = new ArrayList<>();
        for (Object p : list(op.spec().getOrDefault("parameters", List.of()))) {
            Map<String, Object> param = resolve(map(p));
            String name = (String) param.get("name");
            Object example = param.get("example");
            switch ((String) param.get("in")) {
                case "path" -> uri = uri.replace("{" + name + "}", pathValue(op, name, example));
                case "query" -> {
                    if (example != null) {
                        query.add(name + "=" + URLEncoder.encode(String.valueOf(example), StandardCharsets.UTF_8));
                    }
                }
                case "header" -> headers.add(param);
                default -> throw new AssertionError(param.toString());
            }
        }
        path.append(uri).append(query.isEmpty() ? "" : "?" + String.join("&", query));
        if (op.path().contains("check-outs")) {
            ATTENDANCE.checkIn(FakePolicyService.OFFICER, AttendanceMode.ATTENDANCE_MODE_OFFICE,
                    Instant.parse("2026-11-25T00:00:00Z"));
        }
        req = HttpRequest.create(HttpMethod.parse(op.method().toUpperCase()), path.toString());
        for (Map<String, Object> h : headers) {
            req.header((String) h.get("name"), String.valueOf(h.get("example")));
        }
        if (op.spec().containsKey("requestBody")) {
            Object example = map(map(map(op.spec().get("requestBody")).get("content")).get("application/json"))
                    .get("example");
            req.body(new Gson().toJson(example)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        req.bearerAuth(token);

        HttpResponse<String> r;
        try {
            r = http.toBlocking().exchange(req, String.class);
        } catch (HttpClientResponseException e) {
            throw new AssertionError(op + " refused its own example: " + e.getStatus() + " "
                    + e.getResponse().getBody(String.class).orElse(""), e);
        }
        assertEquals(200, r.getStatus().getCode());
        Map<String, Object> okContent = map(resolve(map(map(op.spec().get("responses")).get("200"))).get("content"));
        if (okContent.containsKey("text/csv")) {
            assertTrue(r.getContentType().orElseThrow().toString().startsWith("text/csv"), op + " answers CSV");
            assertFalse(r.body().isEmpty(), op + " answers the file");
            return;
        }
        JsonObject answer = JsonParser.parseString(r.body()).getAsJsonObject();
        Map<String, Object> schema = resolve(map(map(okContent.get("application/json")).get("schema")));
        for (Object field : list(schema.getOrDefault("required", List.of()))) {
            JsonElement v = answer.get((String) field);
            assertNotNull(v, op + " answer lacks required " + field + ": " + r.body());
        }
    }

    /** Each tag is called as the people it is for. */
    private static String token(Operation op) {
        String tag = (String) list(op.spec().get("tags")).get(0);
        return switch (tag) {
            case "Reachability" -> Tokens.token("desk-1", Role.AGENCY);
            case "Officer" -> Tokens.token(FakePolicyService.OFFICER, Role.OFFICER);
            case "Manager" -> Tokens.token(FakePolicyService.ONCALL, Role.OFFICER, Role.MANAGER);
            case "Admin" -> Tokens.token("admin-national", Role.ADMIN, Role.HR);
            case "Webhooks" -> Tokens.token("desk-1", Role.AGENCY);
            // Agency systems submit and read; the officer holding a message acknowledges and resolves it.
            case "Messages" -> op.path().contains(":") ? Tokens.token(FakePolicyService.OFFICER, Role.OFFICER)
                    : Tokens.token("desk-1", Role.AGENCY);
            default -> throw new AssertionError("tag " + tag);
        };
    }

    /**
     * A path value: the parameter's example, or for a plan or day exception a fresh one in the state
     * the operation needs (an example id cannot exist in every deployment).
     */
    private static String pathValue(Operation op, String name, Object example) {
        if (!name.equals("id")) {
            return String.valueOf(example);
        }
        if (op.path().contains("/requests/")) {
            // A swap proposed to the officer to accept or decline; else the officer's own leave request.
            boolean proposedToMe = op.path().endsWith(":accept") || op.path().endsWith(":decline");
            return POLICY.staffRequests.seed(proposedToMe ? FakePolicyService.BACKUP : FakePolicyService.OFFICER,
                    proposedToMe ? FakePolicyService.OFFICER : null, proposedToMe
                            ? io.jeda.policy.v1.StaffRequestState.STAFF_REQUEST_STATE_AWAITING_COUNTERPART
                            : io.jeda.policy.v1.StaffRequestState.STAFF_REQUEST_STATE_AWAITING_MANAGER);
        }
        if (op.path().contains("day-exceptions")) {
            return POLICY.seedDayException(FakePolicyService.OFFICER);
        }
        return POLICY.seedPlan(FakePolicyService.OFFICER,
                op.path().startsWith("/v1/team/") ? PlanState.PLAN_STATE_SUBMITTED : PlanState.PLAN_STATE_DRAFT);
    }
}
