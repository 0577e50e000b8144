package io.cognita.platform.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SyntaxTest {

    @ParameterizedTest(name = "host {0}: {1}")
    @CsvSource({
            "cognita.edu, true", "school-district.k12, true", "a.b.c.example, true", "xn--bcher-kva.example, true",
            "localhost, false", "-bad.com, false", "bad-.com, false", "bad..com, false", ".com, false",
            "example.123, false", "under_score.com, false", "exa mple.com, false"})
    void hostnames(String name, boolean valid) {
        assertEquals(valid, HostnameSyntax.isValid(name));
    }

    @ParameterizedTest(name = "duration {0}: {1}")
    @CsvSource({"1d, true", "730d, true", "36500d, true", "indefinite, true", "36501d, false", "0d, false",
            "01d, false", "12, false", "12h, false", "-1d, false", "Indefinite, false"})
    void retentionDurations(String value, boolean valid) {
        assertEquals(valid, RetentionDurationSyntax.isValid(value));
    }

    @ParameterizedTest(name = "language {0}: {1}")
    @CsvSource({"en-US, true", "es, true", "zh-Hant-TW, true", "english!, false", "e, false", "'', false"})
    void languageTags(String tag, boolean valid) {
        assertEquals(valid, new LanguageTag.Validator().isValid(tag, null));
    }

    @ParameterizedTest(name = "zone {0}: {1}")
    @CsvSource({"America/Los_Angeles, true", "UTC, true", "Mars/Olympus, false", "PST8PDTX, false"})
    void timeZones(String zone, boolean valid) {
        assertEquals(valid, new IanaTimeZone.Validator().isValid(zone, null));
    }
}
