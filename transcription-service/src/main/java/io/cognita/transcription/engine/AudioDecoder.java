package io.cognita.transcription.engine;

import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.RecognitionStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A recording → a stream of PCM16 LE mono 16 kHz samples, never held whole: a WAV file of that format is read from
 * its data chunk; anything else (other WAV formats, MP3, MP4, WebM, …) is decoded by ffmpeg (Debian's
 * {@code ffmpeg}), reading local files only, stopped after {@code timeout}.
 */
public class AudioDecoder {

    private final String ffmpeg;
    private final Duration timeout;

    public AudioDecoder(String ffmpeg, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    /** The recording's samples as a stream; the caller closes it. */
    public InputStream pcm(Path file) throws IOException {
        long[] data = plainWavData(file);
        if (data != null) {
            RandomAccessFile in = new RandomAccessFile(file.toFile(), "r");
            in.seek(data[0]);
            return new java.io.BufferedInputStream(limited(Channels.newInputStream(in.getChannel()), data[1]), 64 * 1024);
        }
        return viaFfmpeg(file);
    }

    /** Where a 16 kHz mono PCM16 WAV file's samples are ({offset, length}); null for any other file. */
    static long[] plainWavData(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            byte[] head = new byte[12];
            if (size < 12 || in.read(head) != 12) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) { // "RIFF" … "WAVE"
                return null;
            }
            long at = 12;
            boolean plain = false;
            byte[] chunk = new byte[8];
            while (at + 8 <= size) {
                in.seek(at);
                in.readFully(chunk);
                ByteBuffer c = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
                int id = c.getInt(0);
                long length = Integer.toUnsignedLong(c.getInt(4));
                long body = at + 8;
                if (id == 0x20746d66) { // "fmt "
                    byte[] fmt = new byte[16];
                    if (length < 16 || body + 16 > size) {
                        return null;
                    }
                    in.readFully(fmt);
                    ByteBuffer f = ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN);
                    plain = f.getShort(0) == 1 && f.getShort(2) == 1 && f.getInt(4) == RecognitionStream.SAMPLE_RATE && f.getShort(14) == 16;
                } else if (id == 0x61746164) { // "data"
                    return plain ? new long[] {body, Math.min(length, size - body) & ~1L} : null;
                }
                at = body + length + (length & 1);
            }
            return null;
        }
    }

    /**
     * The demuxers a recording may be read with: audio containers only. Playlists (HLS) and concat lists would make
     * ffmpeg read other files of this host into the uploader's transcript.
     */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ffmpeg-watchdog");
        t.setDaemon(true);
        return t;
    });

    static final String FORMATS = "wav,w64,mp3,ogg,flac,matroska,webm,mov,mp4,m4a,aac,caf,amr";

    private InputStream viaFfmpeg(Path file) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-protocol_whitelist", "file", "-format_whitelist", FORMATS,
                    "-i", file.toString(),
                    "-f", "s16le", "-ac", "1", "-ar", Integer.toString(RecognitionStream.SAMPLE_RATE), "pipe:1")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new EngineUnavailableException("ffmpeg cannot start (" + ffmpeg + "): only 16 kHz mono PCM WAV can be read", e);
        }
        process.getOutputStream().close();
        // a decoder that hangs is stopped: a read that has waited on it longer than the timeout ends its process (its
        // output then ends, and the exit check below reports it). Not a limit on the whole decoding, which goes at the
        // pace of the recognizer reading it: a long recording takes as long as it takes.
        long[] waitingSince = new long[1];
        ScheduledFuture<?> watchdog = WATCHDOG.scheduleWithFixedDelay(() -> {
            long since = waitingSince[0];
            if (since != 0 && System.nanoTime() - since > timeout.toNanos()) {
                process.destroyForcibly();
            }
        }, 1, 1, TimeUnit.SECONDS);
        return new FilterInputStream(new java.io.BufferedInputStream(process.getInputStream(), 64 * 1024)) {
            private boolean checked;

            @Override
            public int read() throws IOException {
                waitingSince[0] = System.nanoTime();
                try {
                    int b = super.read();
                    return b < 0 ? end(b) : b;
                } finally {
                    waitingSince[0] = 0;
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                waitingSince[0] = System.nanoTime();
                try {
                    int n = super.read(buffer, offset, length);
                    return n < 0 ? end(n) : n;
                } finally {
                    waitingSince[0] = 0;
                }
            }

            private int end(int eof) throws IOException {
                if (!checked) {
                    checked = true;
                    try {
                        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                            throw new IOException("ffmpeg could not decode the recording (or gave nothing for " + timeout + ")");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while ffmpeg ran", e);
                    }
                }
                return eof;
            }

            @Override
            public void close() throws IOException {
                watchdog.cancel(false);
                try {
                    super.close();
                } finally {
                    process.destroyForcibly();
                }
            }
        };
    }

    private static InputStream limited(InputStream in, long length) {
        return new FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }
}
