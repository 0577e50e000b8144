package io.cognita.transcription.engine;

import io.cognita.platform.testing.ApertiumCli;
import io.cognita.transcription.domain.LanguagePair;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Debian's Apertium with the eng-spa pair. */
class ApertiumTranslatorTest {

    private final ApertiumTranslator translator = new ApertiumTranslator("apertium", Path.of("/usr/share/apertium/modes"), 2);

    @Test
    void pairsAreDiscoveredFromTheInstalledModes() {
        assertThat(translator.pairs(), hasItems(new LanguagePair("en", "es"), new LanguagePair("es", "en")));
        assertThat(ApertiumTranslator.discover(Path.of("/nonexistent")), anEmptyMap());
    }

    @Test
    void aBatchTranslatesLineForLineAsApertiumItselfDoes() {
        List<String> texts = List.of("Hello, welcome to the meeting.", "the committee will review the budget before the end of the month",
                "please send the report to the team by friday");
        List<String> out = translator.translate(LanguagePair.of("en-US", "es"), texts);
        assertThat(out, hasSize(3));
        assertThat(out.get(0), equalTo("Hola, bienvenido a la reunión."));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(out.get(i), equalTo(ApertiumCli.translate("eng-spa", texts.get(i))));
        }
    }

    @Test
    void textWithLineBreaksStaysOneSegment() {
        List<String> out = translator.translate(LanguagePair.of("en", "es"), List.of("good\nmorning", "thank you"));
        assertThat(out, hasSize(2));
        assertThat(out.get(0), not(containsString("\n")));
    }

    @Test
    void anUnknownPairIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> translator.translate(LanguagePair.of("en", "de"), List.of("hello")));
    }
}
