package io.cognita.gateway.routing;

import java.util.Arrays;

/**
 * A path pattern such as {@code /api/meetings/*}{@code /transcripts} or {@code /api/orgs/**}: {@code *} matches
 * exactly one segment, a trailing {@code **} matches zero or more segments. A trailing slash is ignored.
 */
public final class PathPattern {

    private final String source;
    private final String[] segments;

    public PathPattern(String source) {
        this.source = source;
        this.segments = split(source);
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].equals("**")) {
                throw new IllegalArgumentException("** may only end a pattern: " + source);
            }
        }
    }

    public boolean matches(String path) {
        String[] parts = split(path);
        int n = segments.length;
        boolean tail = n > 0 && segments[n - 1].equals("**");
        int fixed = tail ? n - 1 : n;
        if (tail ? parts.length < fixed : parts.length != fixed) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
            if (!segments[i].equals("*") && !segments[i].equals(parts[i])) {
                return false;
            }
            if (segments[i].equals("*") && parts[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return source;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : Arrays.stream(trimmed.split("/", -1)).toArray(String[]::new);
    }
}
