package io.jeda.gateway.http;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** relay-service not listening: messages and webhooks answer 503 naming it, the rest of the gateway is unaffected. */
class RelayDownTest extends PeopleTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        // A port nothing listens on.
        return Map.of("grpc.channels.relay.address", "127.0.0.1:9");
    }

    @Test
    void relayServiceDownIsA503NamingIt() {
        get("/v1/messages", AGENCY_TOKEN).problem(503, "RELAY_UNAVAILABLE");
        post("/v1/webhooks", AGENCY_TOKEN, "{\"url\": \"https://agency.example.go.id/hook\"}").problem(503, "RELAY_UNAVAILABLE");
        org.junit.jupiter.api.Assertions.assertEquals(200, get("/v1/me", OFFICER_TOKEN).status());
    }
}
