package io.jeda.common.grpc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads every page of a List call (AIP-158): asks again with each {@code next_page_token} until it
 * is empty. Stops with an {@link IllegalStateException} when the server repeats a token, rather than
 * asking forever.
 *
 * <pre>{@code
 * List<Officer> all = Pages.all(
 *         token -> stub.listOfficers(ListOfficersRequest.newBuilder()
 *                 .setUnit(unit).setPageSize(500).setPageToken(token).build()),
 *         ListOfficersResponse::getOfficersList, ListOfficersResponse::getNextPageToken);
 * }</pre>
 */
public final class Pages {

    private Pages() {
    }

    /**
     * @param fetch one call, given the page token ("" for the first page)
     * @param items the items of a response
     * @param next  the next-page token of a response
     */
    public static <R, T> List<T> all(Function<String, R> fetch, Function<R, List<T>> items,
                                     Function<R, String> next) {
        return upTo(Integer.MAX_VALUE, fetch, items, next);
    }

    /**
     * As {@link #all}, but stops asking once {@code max} items were read; returns at most {@code max}.
     */
    public static <R, T> List<T> upTo(int max, Function<String, R> fetch, Function<R, List<T>> items,
                                      Function<R, String> next) {
        List<T> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String token = "";
        do {
            R response = fetch.apply(token);
            for (T item : items.apply(response)) {
                if (out.size() >= max) {
                    return out;
                }
                out.add(item);
            }
            token = next.apply(response);
            if (token == null) {
                token = "";
            }
            if (!token.isEmpty() && !seen.add(token)) {
                throw new IllegalStateException("the server sent the page token '" + token + "' twice");
            }
        } while (!token.isEmpty() && out.size() < max);
        return out;
    }
}
