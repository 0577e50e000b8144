package io.cognita.transcription.domain;

import java.util.ArrayList;
import java.util.List;

/** The speech-recognition port: streaming for live audio; whole-recording for recorded audio. */
public interface SpeechRecognizer {

    /** The engine's name, as health frames and problems report it. */
    String name();

    /** The language it recognizes (BCP-47). */
    String language();

    /** A stream for live audio; {@link EngineUnavailableException} when the engine cannot take one. */
    RecognitionStream open();

    /** The finals of a whole recording (PCM16 mono 16 kHz), fed through a stream unless the engine has better. */
    default List<Hypothesis> transcribe(short[] samples) {
        List<Hypothesis> finals = new ArrayList<>();
        try (RecognitionStream stream = open()) {
            int chunk = RecognitionStream.SAMPLE_RATE / 5;
            for (int at = 0; at < samples.length; at += chunk) {
                int n = Math.min(chunk, samples.length - at);
                short[] part = new short[n];
                System.arraycopy(samples, at, part, 0, n);
                stream.feed(part, n).stream().filter(Hypothesis::isFinal).forEach(finals::add);
            }
            stream.finish().ifPresent(finals::add);
        }
        return finals;
    }
}
