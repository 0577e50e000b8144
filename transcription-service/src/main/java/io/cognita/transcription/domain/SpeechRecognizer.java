package io.cognita.transcription.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    /**
     * The finals of a whole recording, read from {@code pcm} (PCM16 LE mono 16 kHz) and never held whole: fed
     * through a stream in 200 ms chunks unless the engine has better.
     */
    default List<Hypothesis> transcribe(InputStream pcm) throws IOException {
        List<Hypothesis> finals = new ArrayList<>();
        byte[] chunk = new byte[RecognitionStream.SAMPLE_RATE / 5 * 2];
        try (RecognitionStream stream = open()) {
            int n;
            while ((n = pcm.readNBytes(chunk, 0, chunk.length)) > 1) {
                short[] samples = new short[n / 2];
                ByteBuffer.wrap(chunk, 0, n - n % 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
                stream.feed(samples, samples.length).stream().filter(Hypothesis::isFinal).forEach(finals::add);
            }
            stream.finish().ifPresent(finals::add);
        }
        return finals;
    }
}
