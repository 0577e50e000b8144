package io.cognita.platform.paging;

import io.cognita.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code ?limit=} (default 50, 1..200) and {@code ?cursor=}. A cursor is opaque to clients: the sort key
 * of the last item returned, so pages stay stable when rows are inserted.
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String SEPARATOR = "\u001f";

    public static PageRequest of(String limit, String cursor, int keyParts) {
        int effective;
        try {
            effective = limit == null || limit.isEmpty() ? DEFAULT_LIMIT : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            effective = -1;
        }
        if (effective < 1 || effective > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(effective, cursor == null || cursor.isEmpty() ? null : decode(cursor, keyParts));
    }

    public static String cursor(String... key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, key).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor, int keyParts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(raw.split(SEPARATOR, -1));
            if (parts.size() != keyParts) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this endpoint issued");
        }
    }
}
