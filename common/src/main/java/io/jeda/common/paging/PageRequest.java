package io.jeda.common.paging;

import io.jeda.common.error.JedaException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A validated page request (AIP-158): a size within the documented bounds and an offset decoded
 * from an opaque page token.
 * <p>
 * A token is tied to the request that made it: it carries a hash of the request's filters (every
 * field but {@code page_size} and {@code page_token}), and a token presented with other filters is
 * refused, as is any text this API did not issue: INVALID_ARGUMENT, reason
 * {@value #INVALID_PAGE_TOKEN}, metadata {@code field=page_token}. Build requests with
 * {@link #of(int, String, int, int, Object...)} (filters listed) or
 * {@link #of(com.google.protobuf.Message, int, int)} (filters read from the request), and answer
 * with {@link #page(List)}, which reads one row more than the page holds so that the last page
 * carries no next-page token.
 *
 * @param size       rows to return
 * @param offset     rows to skip
 * @param filterHash hash of the request's filters that the tokens of this listing carry; empty when
 *                   the request was built without filters (the older {@link #of(int, String, int, int)})
 */
public record PageRequest(int size, long offset, String filterHash) {

    /** The one reason for a page token that is not usable with this request. */
    public static final String INVALID_PAGE_TOKEN = "INVALID_PAGE_TOKEN";

    /** A page of rows and the token of the next page (empty on the last page). */
    public record Page<T>(List<T> items, String nextPageToken) {
    }

    /** Without filters; tokens carry no filter hash. */
    public PageRequest(int size, long offset) {
        this(size, offset, "");
    }

    /**
     * Without filters: a token made for one listing is accepted by another.
     *
     * @param pageSize  the requested size; 0 means the default
     * @param pageToken the token from a previous response, or empty for the first page
     * @deprecated tie tokens to the request with {@link #of(com.google.protobuf.Message, int, int)} or
     *             {@link #of(int, String, int, int, Object...)}
     */
    @Deprecated
    public static PageRequest of(int pageSize, String pageToken, int defaultSize, int maxSize) {
        return build(pageSize, pageToken, defaultSize, maxSize, "");
    }

    /**
     * @param filters every value of the request that selects or orders the rows (not the page size
     *                or token); a token is only accepted with the same values
     */
    public static PageRequest of(int pageSize, String pageToken, int defaultSize, int maxSize, Object... filters) {
        return build(pageSize, pageToken, defaultSize, maxSize, hash(Arrays.asList(filters).toString()));
    }

    /**
     * Reads {@code page_size} and {@code page_token} from a List request; its other fields are the
     * filters the tokens are tied to.
     */
    public static PageRequest of(com.google.protobuf.Message request, int defaultSize, int maxSize) {
        var d = request.getDescriptorForType();
        var sizeField = d.findFieldByName("page_size");
        var tokenField = d.findFieldByName("page_token");
        if (sizeField == null || tokenField == null) {
            throw new IllegalArgumentException(d.getFullName() + " has no page_size/page_token");
        }
        int pageSize = ((Number) request.getField(sizeField)).intValue();
        String pageToken = (String) request.getField(tokenField);
        byte[] filters = request.toBuilder().clearField(sizeField).clearField(tokenField).build().toByteArray();
        return build(pageSize, pageToken, defaultSize, maxSize,
                hash(d.getFullName() + ":" + Base64.getEncoder().encodeToString(filters)));
    }

    private static PageRequest build(int pageSize, String pageToken, int defaultSize, int maxSize, String filterHash) {
        if (pageSize < 0) {
            throw JedaException.invalidArgument("INVALID_PAGE_SIZE", "page_size must not be negative",
                    "field", "page_size");
        }
        int size = pageSize == 0 ? defaultSize : Math.min(pageSize, maxSize);
        long offset = 0;
        if (pageToken != null && !pageToken.isEmpty()) {
            String tokenHash;
            try {
                String raw = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
                String[] parts = raw.split(":", -1);
                if (!parts[0].equals("o") || parts.length < 2 || parts.length > 3) {
                    throw new IllegalArgumentException();
                }
                offset = Long.parseLong(parts[1]);
                if (offset < 0) {
                    throw new IllegalArgumentException();
                }
                tokenHash = parts.length == 3 ? parts[2] : "";
            } catch (IllegalArgumentException e) {
                throw JedaException.invalidArgument(INVALID_PAGE_TOKEN, "page_token is not a token this API issued",
                        "field", "page_token");
            }
            if (!tokenHash.equals(filterHash)) {
                throw JedaException.invalidArgument(INVALID_PAGE_TOKEN,
                        "page_token was issued for a request with other filters; repeat the first request's"
                                + " filters or start again without a page_token",
                        "field", "page_token");
            }
        }
        return new PageRequest(size, offset, filterHash);
    }

    /** Rows to read: one more than the page holds, so that {@link #page(List)} knows whether more follow. */
    public int fetchSize() {
        return size + 1;
    }

    /**
     * The page made of rows read with {@link #fetchSize()} from {@link #offset()}: at most
     * {@link #size()} rows, and a next-page token only when another row exists.
     */
    public <T> Page<T> page(List<T> fetched) {
        if (fetched.size() <= size) {
            return new Page<>(List.copyOf(fetched), "");
        }
        return new Page<>(List.copyOf(new ArrayList<>(fetched.subList(0, size))), token(offset + size));
    }

    /**
     * The token of the next page, or empty when the page returned fewer rows than asked. A page that
     * is exactly full still gets a token (which then leads to an empty page); {@link #page(List)}
     * avoids that.
     *
     * @deprecated read {@link #fetchSize()} rows and answer with {@link #page(List)}, which gives no
     *             token after the last page
     */
    @Deprecated
    public String nextToken(int returned) {
        if (returned < size) {
            return "";
        }
        return token(offset + returned);
    }

    private String token(long nextOffset) {
        String raw = "o:" + nextOffset + (filterHash.isEmpty() ? "" : ":" + filterHash);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(String filters) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(filters.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(d, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
