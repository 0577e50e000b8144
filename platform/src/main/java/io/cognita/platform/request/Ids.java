package io.cognita.platform.request;

import io.cognita.platform.problem.FieldError;
import io.cognita.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parses ids from paths and bodies; a malformed id is a 400, never a 404 or a 500. */
public final class Ids {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static UUID uuid(String field, String value) {
        if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
            throw ProblemException.badRequest("INVALID_ID", "The id is malformed.",
                    List.of(new FieldError(field, "must be a UUID")));
        }
        return UUID.fromString(value);
    }
}
