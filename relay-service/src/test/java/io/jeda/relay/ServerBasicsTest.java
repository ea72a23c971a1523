package io.jeda.relay;

import io.jeda.common.security.Role;
import io.jeda.relay.v1.WebhookServiceGrpc;
import io.jeda.testing.Tokens;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.relay.v1.ListMessagesRequest;
import io.jeda.relay.v1.MessageServiceGrpc;
import io.jeda.relay.v1.Urgency;
import io.jeda.relay.v1.RegisterEmailChannelRequest;
import io.jeda.testing.GrpcAssertions;
import io.jeda.testing.ServerChecks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an operator notices first: health, reflection, and a bound on request size. */
class ServerBasicsTest extends RelayTestBase {

    @Test
    void healthReportsServing() {
        ServerChecks.assertServing(channel);
    }

    @Test
    void reflectionListsTheRelayServices() throws Exception {
        ServerChecks.assertReflects(channel, List.of("jeda.relay.v1.MessageService",
                "jeda.relay.v1.WebhookService"));
    }

    @Test
    void emailChannelsAreRefusedWhereNoSmtpRelayIsConfigured() {
        GrpcAssertions.assertFails(Status.Code.FAILED_PRECONDITION, "SMTP_NOT_CONFIGURED",
                () -> webhooks(AGENCY).registerEmailChannel(RegisterEmailChannelRequest.newBuilder()
                        .setOfficer("officers/" + NIP).setAddress("siti@example.go.id").build()))
                .hasMetadata("setting", "JEDA_RELAY_SMTP_HOST");
    }

    @Test
    void oversizedRequestsAreRefused() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> agency()
                .submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "x").setText("t".repeat(100_000)).build()));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    }

    @Test
    void callsWithoutATokenAreRefused() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> MessageServiceGrpc
                .newBlockingStub(channel).listMessages(ListMessagesRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
    }

    @Test
    void bytesThatAreNoRequestAreABadArgumentOnEveryMethod() {
        ServerChecks.assertMalformedRequestsRefused(channel, Tokens.as("gateway", Role.SERVICE, Role.ADMIN),
                List.of(MessageServiceGrpc.getServiceDescriptor(), WebhookServiceGrpc.getServiceDescriptor()));
    }
}
