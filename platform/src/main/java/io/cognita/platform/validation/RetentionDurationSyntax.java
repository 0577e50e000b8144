package io.cognita.platform.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The contract's retention durations: {@code "<N>d"} with 1 ≤ N ≤ 36500, or {@code "indefinite"}. */
public final class RetentionDurationSyntax {

    public static final String INDEFINITE = "indefinite";
    private static final Pattern DAYS = Pattern.compile("([1-9][0-9]{0,4})d");

    private RetentionDurationSyntax() {
    }

    public static boolean isValid(String value) {
        if (INDEFINITE.equals(value)) {
            return true;
        }
        Matcher m = DAYS.matcher(value);
        return m.matches() && Integer.parseInt(m.group(1)) <= 36500;
    }

    /** How long data is kept: {@code "30d"} → 30 days; {@code "indefinite"}, null or anything invalid → null (keep it). */
    public static java.time.Duration toDuration(String value) {
        if (value == null || !isValid(value) || INDEFINITE.equals(value)) {
            return null;
        }
        return java.time.Duration.ofDays(Integer.parseInt(value.substring(0, value.length() - 1)));
    }
}
