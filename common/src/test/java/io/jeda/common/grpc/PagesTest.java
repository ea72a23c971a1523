package io.jeda.common.grpc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagesTest {

    record Response(List<String> items, String next) {
    }

    private static final Map<String, Response> SERVER = Map.of(
            "", new Response(List.of("a", "b"), "t1"),
            "t1", new Response(List.of("c", "d"), "t2"),
            "t2", new Response(List.of("e"), ""));

    @Test
    void readsEveryPageInOrder() {
        List<String> asked = new ArrayList<>();
        List<String> all = Pages.all(t -> {
            asked.add(t);
            return SERVER.get(t);
        }, Response::items, Response::next);
        assertEquals(List.of("a", "b", "c", "d", "e"), all);
        assertEquals(List.of("", "t1", "t2"), asked);
    }

    @Test
    void stopsAskingOnceEnoughWereRead() {
        List<String> asked = new ArrayList<>();
        List<String> some = Pages.upTo(3, t -> {
            asked.add(t);
            return SERVER.get(t);
        }, Response::items, Response::next);
        assertEquals(List.of("a", "b", "c"), some);
        assertEquals(List.of("", "t1"), asked);
    }

    @Test
    void aServerRepeatingATokenEndsTheLoop() {
        assertThrows(IllegalStateException.class, () -> Pages.all(t -> new Response(List.of("x"), "same"),
                Response::items, Response::next));
    }
}
