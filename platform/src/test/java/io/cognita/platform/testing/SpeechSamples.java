package io.cognita.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test speech synthesised during the build with Festival's HTS voice and resampled by sox to 16 kHz mono PCM16 WAV
 * (Debian's festival, festvox-us-slt-hts, sox; deploy/local/speech.sh installs them); never checked in. Files are
 * kept in target/speech and made once per build.
 */
public final class SpeechSamples {

    /** Sentences PocketSphinx's US English model knows every word of. */
    public static final List<String> SCRIPT = List.of(
            "hello world this is a test of the meeting transcription",
            "the committee will review the budget before the end of the month",
            "please send the report to the team by friday");

    private static final Path DIR = Path.of("target", "speech");

    private SpeechSamples() {
    }

    /** The sentence as a 16 kHz mono PCM16 WAV file, with {@code silenceMs} of silence after it. */
    public static synchronized Path wav(String sentence, int silenceMs) {
        try {
            Files.createDirectories(DIR);
            String name = Integer.toHexString(sentence.hashCode()) + "-" + silenceMs;
            Path out = DIR.resolve(name + ".wav");
            if (Files.exists(out)) {
                return out;
            }
            Path text = DIR.resolve(name + ".txt");
            Path raw = DIR.resolve(name + "-22k.wav");
            Files.writeString(text, sentence + "\n", StandardCharsets.UTF_8);
            run("text2wave", "-eval", "(voice_cmu_us_slt_arctic_hts)", text.toString(), "-o", raw.toString());
            Path tmp = DIR.resolve(name + ".tmp.wav");
            run("sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", tmp.toString(),
                    "pad", "0", Double.toString(silenceMs / 1000.0));
            Files.move(tmp, out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The samples of a WAV file this class made (a 44-byte header, then PCM16 LE). */
    public static short[] samples(Path wav) {
        try {
            byte[] bytes = Files.readAllBytes(wav);
            int data = dataOffset(bytes);
            short[] out = new short[(bytes.length - data) / 2];
            ByteBuffer.wrap(bytes, data, bytes.length - data).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PCM bytes (no header) of the script's sentences, each followed by a second of silence. */
    public static byte[] scriptPcm() {
        List<byte[]> parts = new ArrayList<>();
        for (String sentence : SCRIPT) {
            try {
                byte[] bytes = Files.readAllBytes(wav(sentence, 1000));
                parts.add(Arrays.copyOfRange(bytes, dataOffset(bytes), bytes.length));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int total = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total);
        parts.forEach(out::put);
        return out.array();
    }

    /** Word error rate of {@code heard} against {@code expected}: word-level edit distance over the expected words. */
    public static double wordErrorRate(String expected, String heard) {
        String[] ref = words(expected);
        String[] hyp = words(heard);
        int[][] d = new int[ref.length + 1][hyp.length + 1];
        for (int i = 0; i <= ref.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= hyp.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= ref.length; i++) {
            for (int j = 1; j <= hyp.length; j++) {
                int substitution = d[i - 1][j - 1] + (ref[i - 1].equals(hyp[j - 1]) ? 0 : 1);
                d[i][j] = Math.min(substitution, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        return (double) d[ref.length][hyp.length] / ref.length;
    }

    private static String[] words(String text) {
        String clean = text.toLowerCase().replaceAll("[^a-z' ]", " ").trim();
        return clean.isEmpty() ? new String[0] : clean.split("\\s+");
    }

    private static int dataOffset(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= bytes.length) {
            int size = b.getInt(at + 4);
            if (b.getInt(at) == 0x61746164) { // "data"
                return at + 8;
            }
            at += 8 + size + (size & 1);
        }
        throw new IllegalStateException("no data chunk");
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(DIR.resolve("tools.log").toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (see " + DIR.resolve("tools.log") + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
