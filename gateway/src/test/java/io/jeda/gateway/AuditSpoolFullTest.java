package io.jeda.gateway;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sync mode with the database away and the spool full: the answer is refused (UNAVAILABLE,
 * AUDIT_UNAVAILABLE) rather than given unaudited; every answer that was given is audited.
 */
class AuditSpoolFullTest extends AuditOutageTest {

    @Override
    protected String mode() {
        return "sync";
    }

    @Override
    protected Map<String, String> spoolSettings() {
        // Room for a few entries (about 110 bytes each).
        return Map.of("jeda.gateway.audit.spool.max-bytes", "1KB");
    }

    @Override
    @Test
    void everyAnswerGivenWhileTheDatabaseIsCutIsAuditedExactlyOnceWhenItIsBack() throws InterruptedException {
        agency("desk-before").getReachability(question());
        assertEquals(1, waitForRows(1));

        proxy().cut();
        int answered = 0;
        int refused = 0;
        for (int i = 0; i < N; i++) {
            try {
                agency("desk-" + i).getReachability(question());
                answered++;
            } catch (StatusRuntimeException e) {
                assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());
                refused++;
            }
        }
        assertTrue(answered > 0 && answered < 15, "answered while the spool had room: " + answered);
        assertEquals(N - answered, refused);
        assertFails(Status.Code.UNAVAILABLE, "AUDIT_UNAVAILABLE", () -> agency("desk-x").getReachability(question()));

        proxy().restore();
        assertEquals(answered + 1, waitForRows(answered + 1), "every answer given is audited");
        Thread.sleep(1000);
        assertEquals(answered + 1, rows(), "and only those");
        assertTrue(meter("jeda.audit.dropped") >= refused, "refused entries are counted as dropped");
        // Room again: answers are given.
        agency("desk-after").getReachability(question());
    }
}
