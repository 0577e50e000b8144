package io.cognita.transcription.engine;

import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.RecognitionStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A recording → PCM16 mono 16 kHz samples: a WAV file of that format is read directly; anything else (other WAV
 * formats, MP3, MP4, WebM, …) is decoded by ffmpeg (Debian's {@code ffmpeg}).
 */
public class AudioDecoder {

    private final String ffmpeg;

    public AudioDecoder(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** The samples of the recording in {@code file}. */
    public short[] decode(Path file) throws IOException {
        short[] direct = readPlainWav(file);
        return direct != null ? direct : viaFfmpeg(file);
    }

    /** The samples when the file is a 16 kHz mono PCM16 WAV; null otherwise. */
    static short[] readPlainWav(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) { // "RIFF" … "WAVE"
            return null;
        }
        int at = 12;
        boolean plain = false;
        while (at + 8 <= bytes.length) {
            int id = b.getInt(at);
            long size = Integer.toUnsignedLong(b.getInt(at + 4));
            int body = at + 8;
            if (id == 0x20746d66) { // "fmt "
                if (body + 16 > bytes.length) {
                    return null;
                }
                plain = b.getShort(body) == 1 && b.getShort(body + 2) == 1 && b.getInt(body + 4) == RecognitionStream.SAMPLE_RATE
                        && b.getShort(body + 14) == 16;
            } else if (id == 0x61746164) { // "data"
                if (!plain) {
                    return null;
                }
                int length = (int) Math.min(size, bytes.length - body) / 2;
                short[] samples = new short[length];
                b.position(body);
                b.asShortBuffer().get(samples);
                return samples;
            }
            at = body + (int) size + (int) (size & 1);
        }
        return null;
    }

    private short[] viaFfmpeg(Path file) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-i", file.toString(), "-f", "s16le", "-ac", "1",
                    "-ar", Integer.toString(RecognitionStream.SAMPLE_RATE), "pipe:1")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new EngineUnavailableException("ffmpeg cannot start (" + ffmpeg + "): only 16 kHz mono PCM WAV can be read", e);
        }
        try (InputStream out = process.getInputStream(); ByteArrayOutputStream pcm = new ByteArrayOutputStream()) {
            out.transferTo(pcm);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("ffmpeg could not decode the recording");
            }
            byte[] bytes = pcm.toByteArray();
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return samples;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ffmpeg ran", e);
        } finally {
            process.destroyForcibly();
        }
    }
}
