package io.jeda.gateway.audit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spool file: what goes in comes out, a torn line is skipped, the bound holds, a failed replay keeps all. */
class AuditSpoolTest {

    @TempDir
    Path dir;

    private static List<AuditEntry> entries(int n) {
        return IntStream.range(0, n).mapToObj(i -> new AuditEntry(null, Instant.parse("2026-11-25T15:00:00.123456Z"),
                "desk\t" + i + "\\x\n", "1980010120000110" + (10 + i), "ROUTINE", "OFF_DUTY", i % 2 == 0, true,
                "id-" + i)).toList();
    }

    private AuditSpool spool(long maxBytes) {
        return new AuditSpool(dir, "gw/1", maxBytes, "always", new SimpleMeterRegistry());
    }

    @Test
    void whatIsSpooledIsReplayedAsItWasOnceAndTheSpoolIsEmptyAfter() {
        AuditSpool s = spool(1 << 20);
        assertTrue(s.append(entries(3)));
        assertTrue(s.append(entries(5).subList(3, 5)));
        assertEquals(5, s.pendingEntries());
        List<AuditEntry> out = new ArrayList<>();
        assertEquals(5, s.replay(out::addAll, 2));
        assertEquals(entries(5), out);
        assertFalse(s.hasPending());
        assertEquals(0, s.bytes());
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheRestSurvivesARestart() throws Exception {
        AuditSpool s = spool(1 << 20);
        s.append(entries(2));
        s.close();
        Path file = dir.resolve("gw_1.spool");
        String torn = AuditSpool.encode(entries(3).get(2));
        Files.write(file, torn.substring(0, torn.length() / 2).getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        AuditSpool restarted = spool(1 << 20);
        assertEquals(2, restarted.pendingEntries());
        List<AuditEntry> out = new ArrayList<>();
        restarted.replay(out::addAll, 100);
        assertEquals(entries(2), out);
    }

    @Test
    void aFullSpoolRefusesAndAFailedReplayKeepsEverything() {
        AuditSpool s = spool(300);
        assertTrue(s.append(entries(2)));
        assertFalse(s.append(entries(3)), "beyond max-bytes");
        assertEquals(2, s.pendingEntries());
        assertThrows(IllegalStateException.class, () -> s.replay(b -> {
            throw new IllegalStateException("database down");
        }, 1));
        assertEquals(2, s.pendingEntries());
        // Appends go on while a replay is pending; the next replay takes both files, oldest first.
        assertTrue(s.append(entries(1)));
        List<AuditEntry> out = new ArrayList<>();
        assertEquals(3, s.replay(out::addAll, 10));
        assertEquals(List.of(entries(2).get(0), entries(2).get(1), entries(1).get(0)), out);
    }
}
