package io.cognita.platform.problem;

/** One invalid input: a JSON path such as {@code settings.timezone} and what is wrong with it. */
public record FieldError(String field, String message) {
}
