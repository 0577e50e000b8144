package io.cognita.platform.housekeeping;

import java.time.Duration;

/**
 * Rows of {@code table} that {@link Housekeeping} removes: those matching {@code condition}, in which
 * {@code :cutoff} stands for now minus the retention ({@code cognita.housekeeping.retention.<name>}, else
 * {@code defaultRetention}). A service adds its own rules as CDI beans; rules run in {@code order}.
 */
public record CleanupRule(String name, int order, String table, String condition, Duration defaultRetention) {
}
