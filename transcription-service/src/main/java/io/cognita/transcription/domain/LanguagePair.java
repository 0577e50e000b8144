package io.cognita.transcription.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/** A translation direction between two languages, by their primary BCP-47 subtags ({@code en}, {@code es}). */
public record LanguagePair(String source, String target) {

    public static LanguagePair of(String sourceTag, String targetTag) {
        return new LanguagePair(primary(sourceTag), primary(targetTag));
    }

    /** {@code en-US} → {@code en}; three-letter codes where ISO 639-1 has a two-letter one ({@code spa} → {@code es}). */
    public static String primary(String tag) {
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        if (language.isEmpty()) {
            language = tag.toLowerCase(Locale.ROOT);
        }
        return TWO_LETTER.getOrDefault(language, language);
    }

    private static final Map<String, String> TWO_LETTER = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            try {
                TWO_LETTER.put(new Locale(two).getISO3Language(), two);
            } catch (MissingResourceException none) {
                // a two-letter code without a three-letter one: nothing to map
            }
        }
    }

    @Override
    public String toString() {
        return source + "-" + target;
    }
}
