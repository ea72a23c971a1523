package io.jeda.common.grpc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "desk-1:req-42", "9f0c2e1a-7b4d-4c55-a3c0-0f1e2d3c4b5a", "trace/span.1_2"})
    void plainIdsFromCallersAreKept(String id) {
        assertEquals(id, RequestId.acceptOrGenerate(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "x\nlevel=ERROR", "quote\"d", "ümlaut", "{json}"})
    void idsThatCouldForgeOrBreakLogLinesAreReplaced(String id) {
        String got = RequestId.acceptOrGenerate(id);
        assertNotEquals(id, got);
        assertTrue(got.matches("[0-9a-f]{32}"), got);
    }

    @Test
    void tooLongAndMissingIdsAreReplaced() {
        assertTrue(RequestId.acceptOrGenerate("a".repeat(129)).matches("[0-9a-f]{32}"));
        assertEquals("a".repeat(128), RequestId.acceptOrGenerate("a".repeat(128)));
        assertTrue(RequestId.acceptOrGenerate(null).matches("[0-9a-f]{32}"));
    }

    @Test
    void generatedIdsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(RequestId.generate()));
        }
    }
}
