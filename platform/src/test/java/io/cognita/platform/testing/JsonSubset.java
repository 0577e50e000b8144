package io.cognita.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares an example (say, a seed page's response) with an actual JSON body field by field: every
 * field of the example must be in the actual body with the same value, except the named ones, whose
 * values (ids, times) are only required to be present.
 */
public final class JsonSubset {

    private JsonSubset() {
    }

    /** The differences, as readable lines; empty when {@code actual} contains {@code expected}. */
    public static List<String> differences(JsonNode expected, JsonNode actual, Set<String> presentOnly) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, presentOnly, out);
        return out;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, Set<String> presentOnly,
                                List<String> out) {
        if (actual == null || actual.isMissingNode()) {
            out.add(path + ": missing");
            return;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(path + ": expected an object, got " + actual);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path + "." + field.getKey();
                if (presentOnly.contains(field.getKey())) {
                    if (!actual.has(field.getKey())) {
                        out.add(child + ": missing");
                    }
                    continue;
                }
                compare(child, field.getValue(), actual.get(field.getKey()), presentOnly, out);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + ", got " + actual);
        }
    }
}
