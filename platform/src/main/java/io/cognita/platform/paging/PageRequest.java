package io.cognita.platform.paging;

import io.cognita.platform.problem.FieldError;
import io.cognita.platform.problem.ProblemException;
import io.cognita.platform.validation.TextSafety;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code ?limit=} (default 50, 1..200) and {@code ?cursor=}. A cursor is opaque to clients: the sort key
 * of the last item returned, so pages stay stable when rows are inserted. It is decoded strictly: a cursor
 * that is not base64url, has the wrong number of parts, or a part that is not what this endpoint put there
 * (read through the typed accessors) is a 400 {@code INVALID_CURSOR}, never a fault further in.
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
            throw invalidCursor();
        }
    }

    /** Part {@code i} of the cursor as an instant; null without a cursor. */
    public Instant instantAfter(int i) {
        return after == null ? null : parse(after.get(i), Instant::parse);
    }

    /** Part {@code i} of the cursor as a UUID; null without a cursor. */
    public UUID uuidAfter(int i) {
        return after == null ? null : parse(after.get(i), UUID::fromString);
    }

    /** Part {@code i} of the cursor as text (never NUL or a lone surrogate); null without a cursor. */
    public String textAfter(int i) {
        return after == null ? null : parse(after.get(i), text -> {
            if (!TextSafety.isStorable(text)) {
                throw new IllegalArgumentException();
            }
            return text;
        });
    }

    private static <T> T parse(String part, Function<String, T> parser) {
        try {
            return parser.apply(part);
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    private static ProblemException invalidCursor() {
        return ProblemException.badRequest("INVALID_CURSOR", "The cursor is not one this endpoint issued; "
                + "start again without it.", List.of(new FieldError("cursor", "is not a cursor this endpoint issued")));
    }
}
