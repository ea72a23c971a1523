package io.jeda.common.paging;

import io.jeda.common.error.JedaException;
import io.jeda.policy.v1.ListOfficersRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageRequestTest {

    private static final List<Integer> ROWS = IntStream.range(0, 7).boxed().toList();

    /** Serves rows as a repository would: fetchSize rows from the offset. */
    private static PageRequest.Page<Integer> serve(PageRequest p) {
        int from = (int) Math.min(p.offset(), ROWS.size());
        return p.page(ROWS.subList(from, Math.min(ROWS.size(), from + p.fetchSize())));
    }

    @Test
    void walkingThePagesReturnsEveryRowOnceAndNoTokenAfterTheLast() {
        String token = "";
        List<Integer> seen = new java.util.ArrayList<>();
        int pages = 0;
        do {
            PageRequest.Page<Integer> page = serve(PageRequest.of(0, token, 3, 10, "units/a", null));
            seen.addAll(page.items());
            token = page.nextPageToken();
            pages++;
        } while (!token.isEmpty());
        assertEquals(ROWS, seen);
        assertEquals(3, pages);
    }

    @Test
    void aFullLastPageCarriesNoToken() {
        PageRequest.Page<Integer> page = PageRequest.of(7, "", 5, 10, "x").page(ROWS);
        assertEquals(7, page.items().size());
        assertEquals("", page.nextPageToken());
    }

    @Test
    void aTokenReusedWithOtherFiltersIsRefusedWithOneReason() {
        String token = serve(PageRequest.of(2, "", 5, 10, "units/a")).nextPageToken();
        JedaException e = assertThrows(JedaException.class, () -> PageRequest.of(2, token, 5, 10, "units/b"));
        assertEquals(PageRequest.INVALID_PAGE_TOKEN, e.reason());
        assertEquals("page_token", e.metadata().get("field"));
        assertTrue(e.getMessage().contains("other filters"), e.getMessage());
        // The page size may change between pages (AIP-158).
        assertEquals(2, PageRequest.of(4, token, 5, 10, "units/a").offset());
    }

    @Test
    void protoRequestsTieTheirTokensToEveryOtherField() {
        ListOfficersRequest first = ListOfficersRequest.newBuilder().setUnit("units/a").setPageSize(2).build();
        String token = PageRequest.of(first, 5, 10).page(ROWS).nextPageToken();
        PageRequest second = PageRequest.of(first.toBuilder().setPageToken(token).setPageSize(3).build(), 5, 10);
        assertEquals(2, second.offset());
        assertEquals(3, second.size());
        JedaException e = assertThrows(JedaException.class, () -> PageRequest.of(
                first.toBuilder().setPageToken(token).setUnit("units/b").build(), 5, 10));
        assertEquals(PageRequest.INVALID_PAGE_TOKEN, e.reason());
    }

    @Test
    void garbageAndNegativeSizesAreRefused() {
        assertEquals(PageRequest.INVALID_PAGE_TOKEN,
                assertThrows(JedaException.class, () -> PageRequest.of(0, "not-a-token!", 5, 10)).reason());
        String tampered = java.util.Base64.getUrlEncoder().encodeToString("o:-4".getBytes());
        assertEquals(PageRequest.INVALID_PAGE_TOKEN,
                assertThrows(JedaException.class, () -> PageRequest.of(0, tampered, 5, 10)).reason());
        assertEquals("INVALID_PAGE_SIZE",
                assertThrows(JedaException.class, () -> PageRequest.of(-1, "", 5, 10)).reason());
    }

    @Test
    void theOlderUnfilteredApiKeepsWorking() {
        PageRequest p = PageRequest.of(0, "", 5, 10);
        assertEquals(5, p.size());
        String token = p.nextToken(5);
        assertEquals(5, PageRequest.of(0, token, 5, 10).offset());
        assertEquals("", p.nextToken(4));
        assertEquals(10, PageRequest.of(50, "", 5, 10).size());
        // An unfiltered token is not accepted where filters are checked.
        assertThrows(JedaException.class, () -> PageRequest.of(0, token, 5, 10, "units/a"));
    }
}
