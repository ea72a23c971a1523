package io.jeda.gateway;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document made from the controllers at compile time, served without a token. */
class OpenApiTest extends GatewayTestBase {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void documentListsTheReachabilityRoutesTheBearerSchemeAndProblemBodies() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/openapi.yml"), String.class);
        assertEquals(HttpStatus.OK, r.getStatus());
        assertTrue(r.getContentType().orElseThrow().getName().contains("yaml"), r.getContentType().toString());

        Map<String, Object> doc = new Yaml().load(r.body());
        assertTrue(String.valueOf(doc.get("openapi")).startsWith("3."));
        Map<String, Object> paths = map(doc.get("paths"));
        for (String p : List.of("/v1/officers/{nip}/reachability", "/v1/reachability:batchGet",
                "/v1/units/{unit}/reachability", "/v1/me/inquiries")) {
            assertTrue(paths.containsKey(p), "missing " + p + " in " + paths.keySet());
        }
        // Every controller of the module is in, with no list to keep: the people endpoints too.
        for (String p : List.of("/v1/me/check-ins", "/v1/me/plans", "/v1/team/inbox")) {
            assertTrue(paths.containsKey(p), "missing " + p + " in " + paths.keySet());
        }
        // The document describes the API, not the service's own plumbing.
        assertTrue(paths.keySet().stream().allMatch(p -> p.startsWith("/v1/")), paths.keySet().toString());

        Map<String, Object> bearer = map(map(map(doc.get("components")).get("securitySchemes")).get("bearerAuth"));
        assertEquals("http", bearer.get("type"));
        assertEquals("bearer", bearer.get("scheme"));
        assertEquals("JWT", bearer.get("bearerFormat"));
        assertEquals(List.of(Map.of("bearerAuth", List.of())), doc.get("security"));

        Map<String, Object> officer = map(map(paths.get("/v1/officers/{nip}/reachability")).get("get"));
        List<Map<String, Object>> params = (List<Map<String, Object>>) officer.get("parameters");
        assertTrue(params.stream().anyMatch(p -> "urgency".equals(p.get("name")) && "query".equals(p.get("in"))),
                params.toString());
        assertTrue(params.stream().anyMatch(p -> "at".equals(p.get("name")) && "query".equals(p.get("in"))),
                params.toString());
        Map<String, Object> unauthorized = map(map(officer.get("responses")).get("401"));
        assertTrue(map(unauthorized.get("content")).containsKey("application/problem+json"), unauthorized.toString());
        assertTrue(map(map(doc.get("components")).get("schemas")).containsKey("Problem"));
    }
}
