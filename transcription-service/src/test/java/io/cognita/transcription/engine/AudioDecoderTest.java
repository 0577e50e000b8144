package io.cognita.transcription.engine;

import io.cognita.platform.testing.SpeechSamples;
import io.cognita.transcription.domain.EngineUnavailableException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AudioDecoderTest {

    private final AudioDecoder decoder = new AudioDecoder("ffmpeg", Duration.ofMinutes(1));

    @Test
    void aPlainWavIsStreamedFromItsDataChunk() throws Exception {
        Path wav = SpeechSamples.wav(SpeechSamples.SCRIPT.get(0), 0);
        byte[] file = Files.readAllBytes(wav);
        long[] data = AudioDecoder.plainWavData(wav);
        try (InputStream pcm = decoder.pcm(wav)) {
            assertArrayEquals(Arrays.copyOfRange(file, (int) data[0], (int) (data[0] + data[1])), pcm.readAllBytes());
        }
        assertThat(data[1] / 2, equalTo((long) SpeechSamples.samples(wav).length));
    }

    @Test
    void otherFormatsGoThroughFfmpeg() throws Exception {
        Path wav = SpeechSamples.wav(SpeechSamples.SCRIPT.get(0), 0);
        Path flac = Files.createTempFile("speech", ".flac");
        try {
            Process sox = new ProcessBuilder("sox", wav.toString(), "-r", "44100", "-c", "2", flac.toString()).start();
            assertThat(sox.waitFor(30, TimeUnit.SECONDS) && sox.exitValue() == 0, equalTo(true));
            assertThat(AudioDecoder.plainWavData(flac), nullValue());
            try (InputStream pcm = decoder.pcm(flac)) {
                assertThat((double) pcm.readAllBytes().length / 2, closeTo(SpeechSamples.samples(wav).length, 16_000 * 0.05));
            }
        } finally {
            Files.deleteIfExists(flac);
        }
    }

    @Test
    void withoutFfmpegOnlyPlainWavIsReadAndGarbageIsAnError() throws Exception {
        Path notWav = Files.createTempFile("speech", ".mp3");
        try {
            Files.write(notWav, new byte[] {1, 2, 3, 4});
            assertThrows(EngineUnavailableException.class, () -> new AudioDecoder("/nonexistent/ffmpeg", Duration.ofMinutes(1)).pcm(notWav));
            assertThrows(IOException.class, () -> {
                try (InputStream pcm = decoder.pcm(notWav)) {
                    pcm.readAllBytes();
                }
            }, "ffmpeg cannot decode garbage");
        } finally {
            Files.deleteIfExists(notWav);
        }
    }

    /** An uploaded playlist must not make the service fetch URLs (ffmpeg reads local files only). */
    @Test
    void aPlaylistIsNotFollowed() throws Exception {
        java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        byte[] wav = Files.readAllBytes(SpeechSamples.wav(SpeechSamples.SCRIPT.get(0), 0));
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, wav.length);
            exchange.getResponseBody().write(wav);
            exchange.close();
        });
        server.start();
        Path playlist = Files.createTempFile("speech", ".m3u8");
        try {
            Files.writeString(playlist, "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:3,\nhttp://127.0.0.1:" + server.getAddress().getPort()
                    + "/inside.wav\n#EXT-X-ENDLIST\n");
            assertThrows(IOException.class, () -> {
                try (InputStream pcm = decoder.pcm(playlist)) {
                    pcm.readAllBytes();
                }
            });
            assertThat(hits.get(), equalTo(0));
        } finally {
            server.stop(0);
            Files.deleteIfExists(playlist);
        }
    }

    @Test
    void aPlaylistOfThisHostsFilesIsNotRead() throws Exception {
        Path mp3 = Files.createTempFile("speech", ".mp3");
        Path playlist = Files.createTempFile("upload", ".bin");
        try {
            Process encode = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-i",
                    SpeechSamples.wav(SpeechSamples.SCRIPT.get(0), 0).toString(), mp3.toString()).inheritIO().start();
            assertThat(encode.waitFor(), equalTo(0));
            Files.writeString(playlist, "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:3,\n" + mp3 + "\n#EXT-X-ENDLIST\n");
            assertThrows(IOException.class, () -> {
                try (InputStream pcm = decoder.pcm(playlist)) {
                    pcm.readAllBytes();
                }
            });
        } finally {
            Files.deleteIfExists(mp3);
            Files.deleteIfExists(playlist);
        }
    }
}
