package io.cognita.platform.validation;

import java.util.regex.Pattern;

/** RFC 1123 host name syntax: dot-separated labels of letters, digits and inner hyphens, 253 characters at most. */
public final class HostnameSyntax {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private HostnameSyntax() {
    }

    public static boolean isValid(String name) {
        if (name.isEmpty() || name.length() > 253 || name.startsWith(".") || name.endsWith(".")) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }
}
