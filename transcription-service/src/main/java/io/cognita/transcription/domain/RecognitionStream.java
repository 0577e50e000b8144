package io.cognita.transcription.domain;

import java.util.List;
import java.util.Optional;

/** One speaker's audio, fed in order (PCM16 mono 16 kHz); not shared between threads at once. */
public interface RecognitionStream extends AutoCloseable {

    int SAMPLE_RATE = 16_000;

    /** Feeds samples; returns the partials and finals they produced, in order. */
    List<Hypothesis> feed(short[] samples, int count);

    /** Ends the current utterance: its final, if anything was heard. */
    Optional<Hypothesis> finish();

    /** Audio fed so far, in milliseconds. */
    long audioMs();

    @Override
    void close();
}
