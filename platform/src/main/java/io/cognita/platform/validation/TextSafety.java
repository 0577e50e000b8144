package io.cognita.platform.validation;

/**
 * Text the services can store and echo: no NUL (PostgreSQL refuses it in text) and no unpaired UTF-16
 * surrogate (not a character; it cannot be encoded as UTF-8).
 */
public final class TextSafety {

    private TextSafety() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
