package io.cognita.transcription.engine;

import io.cognita.platform.testing.SpeechSamples;
import io.cognita.transcription.domain.EngineUnavailableException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AudioDecoderTest {

    private final AudioDecoder decoder = new AudioDecoder("ffmpeg");

    @Test
    void aPlainWavIsReadDirectly() throws Exception {
        Path wav = SpeechSamples.wav(SpeechSamples.SCRIPT.get(0), 0);
        short[] direct = AudioDecoder.readPlainWav(wav);
        assertArrayEquals(SpeechSamples.samples(wav), direct);
        assertArrayEquals(direct, decoder.decode(wav));
    }

    @Test
    void otherFormatsGoThroughFfmpeg() throws Exception {
        Path wav = SpeechSamples.wav(SpeechSamples.SCRIPT.get(0), 0);
        Path flac = Files.createTempFile("speech", ".flac");
        try {
            Process sox = new ProcessBuilder("sox", wav.toString(), "-r", "44100", "-c", "2", flac.toString()).start();
            assertThat(sox.waitFor(30, TimeUnit.SECONDS) && sox.exitValue() == 0, equalTo(true));
            assertThat(AudioDecoder.readPlainWav(flac), nullValue());
            short[] decoded = decoder.decode(flac);
            assertThat((double) decoded.length, closeTo(SpeechSamples.samples(wav).length, 16_000 * 0.05));
        } finally {
            Files.deleteIfExists(flac);
        }
    }

    @Test
    void withoutFfmpegOnlyPlainWavIsReadAndOtherwiseTheEngineIsUnavailable() throws Exception {
        Path notWav = Files.createTempFile("speech", ".mp3");
        try {
            Files.write(notWav, new byte[] {1, 2, 3, 4});
            assertThrows(EngineUnavailableException.class, () -> new AudioDecoder("/nonexistent/ffmpeg").decode(notWav));
            assertThrows(java.io.IOException.class, () -> decoder.decode(notWav), "ffmpeg cannot decode garbage");
        } finally {
            Files.deleteIfExists(notWav);
        }
    }
}
