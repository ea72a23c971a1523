package io.jeda.common.paging;

import io.jeda.common.error.JedaException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validated page request: a size within the documented bounds and an offset decoded from an
 * opaque page token (AIP-158). Tokens are base64url of "o:&lt;offset&gt;" so that callers treat them
 * as opaque and a tampered token is a clear INVALID_ARGUMENT, not a crash.
 *
 * @param size   rows to return
 * @param offset rows to skip
 */
public record PageRequest(int size, long offset) {

    /**
     * @param pageSize  the requested size; 0 means the default
     * @param pageToken the token from a previous response, or empty for the first page
     */
    public static PageRequest of(int pageSize, String pageToken, int defaultSize, int maxSize) {
        if (pageSize < 0) {
            throw JedaException.invalidArgument("INVALID_PAGE_SIZE", "page_size must not be negative",
                    "field", "page_size");
        }
        int size = pageSize == 0 ? defaultSize : Math.min(pageSize, maxSize);
        long offset = 0;
        if (pageToken != null && !pageToken.isEmpty()) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
                if (!raw.startsWith("o:")) {
                    throw new IllegalArgumentException();
                }
                offset = Long.parseLong(raw.substring(2));
                if (offset < 0) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw JedaException.invalidArgument("INVALID_PAGE_TOKEN", "page_token is not a token this API issued",
                        "field", "page_token");
            }
        }
        return new PageRequest(size, offset);
    }

    /** The token of the next page, or empty when the page returned fewer rows than asked. */
    public String nextToken(int returned) {
        if (returned < size) {
            return "";
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("o:" + (offset + returned)).getBytes(StandardCharsets.UTF_8));
    }
}
