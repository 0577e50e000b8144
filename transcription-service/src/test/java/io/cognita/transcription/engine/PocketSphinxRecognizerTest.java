package io.cognita.transcription.engine;

import io.cognita.platform.testing.SpeechSamples;
import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.Hypothesis;
import io.cognita.transcription.domain.RecognitionStream;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Debian's PocketSphinx through JNA, on speech Festival synthesised for this build. */
class PocketSphinxRecognizerTest {

    private static final Path MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");

    private final PocketSphinxRecognizer recognizer = new PocketSphinxRecognizer("pocketsphinx", MODEL, "en-US", 2, Duration.ofMillis(500));

    @Test
    void streamingGivesPartialsThenOneFinalPerSentenceCloseToTheScript() {
        assertThat(recognizer.problem().orElse(""), equalTo(""));
        List<Hypothesis> heard = new ArrayList<>();
        short[] pcm = pcm(SpeechSamples.scriptPcm());
        try (RecognitionStream stream = recognizer.open()) {
            for (int at = 0; at < pcm.length; at += 320) { // 20 ms frames, as a browser sends them
                int n = Math.min(320, pcm.length - at);
                short[] frame = new short[n];
                System.arraycopy(pcm, at, frame, 0, n);
                heard.addAll(stream.feed(frame, n));
            }
            stream.finish().ifPresent(heard::add);
            assertThat(stream.audioMs(), equalTo(pcm.length * 1000L / 16_000));
        }
        List<Hypothesis> finals = heard.stream().filter(Hypothesis::isFinal).toList();
        assertThat(finals, hasSize(SpeechSamples.SCRIPT.size()));
        assertThat("partials come before the first final", heard.indexOf(finals.get(0)), greaterThan(0));
        String all = String.join(" ", finals.stream().map(Hypothesis::text).toList());
        assertThat(all, SpeechSamples.wordErrorRate(String.join(" ", SpeechSamples.SCRIPT), all), lessThanOrEqualTo(0.25));
        for (int i = 1; i < finals.size(); i++) {
            assertThat(finals.get(i).startMs(), greaterThanOrEqualTo(finals.get(i - 1).endMs()));
        }
        for (Hypothesis f : finals) {
            assertThat(f.endMs(), greaterThan(f.startMs()));
            assertThat(f.confidence(), allOf(greaterThanOrEqualTo(0.0), lessThanOrEqualTo(1.0)));
        }
    }

    @Test
    void aWholeRecordingGivesTimedFinals() throws Exception {
        List<Hypothesis> finals = recognizer.transcribe(new java.io.ByteArrayInputStream(SpeechSamples.scriptPcm()));
        assertThat(finals, hasSize(3));
        finals.forEach(h -> assertThat(h.isFinal(), equalTo(true)));
        assertThat(SpeechSamples.wordErrorRate(SpeechSamples.SCRIPT.get(1), finals.get(1).text()), lessThanOrEqualTo(0.25));
    }

    @Test
    void silenceGivesNoFinal() {
        try (RecognitionStream stream = recognizer.open()) {
            List<Hypothesis> heard = new ArrayList<>(stream.feed(new short[16_000], 16_000));
            stream.finish().ifPresent(heard::add);
            assertThat(heard, empty());
        }
    }

    @Test
    void decodersAreReusedAndBoundedByMaxStreams() {
        RecognitionStream first = recognizer.open();
        RecognitionStream second = recognizer.open();
        EngineUnavailableException busy = assertThrows(EngineUnavailableException.class, recognizer::open);
        assertThat(busy.getMessage(), containsString("busy"));
        first.close();
        recognizer.open().close();
        second.close();
    }

    @Test
    void aMissingLibraryOrModelIsUnavailableNotSilent() {
        PocketSphinxRecognizer noLibrary = new PocketSphinxRecognizer("no-such-pocketsphinx", MODEL, "en-US", 1, Duration.ofMillis(500));
        assertThat(noLibrary.problem().orElse(""), containsString("libpocketsphinx3"));
        assertThrows(EngineUnavailableException.class, noLibrary::open);
        EngineUnavailableException again = assertThrows(EngineUnavailableException.class, noLibrary::open);
        assertThat("a failed start gives its slot back", again.getMessage(), not(containsString("busy")));
        PocketSphinxRecognizer noModel = new PocketSphinxRecognizer("pocketsphinx", Path.of("/nonexistent"), "en-US", 1, Duration.ofMillis(500));
        assertThat(noModel.problem().orElse(""), containsString("pocketsphinx-en-us"));
    }

    static short[] pcm(byte[] bytes) {
        short[] out = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }
}
