package io.cognita.transcription.engine;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.Hypothesis;
import io.cognita.transcription.domain.RecognitionStream;
import io.cognita.transcription.domain.SpeechRecognizer;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The embedded speech engine: PocketSphinx (Debian's {@code libpocketsphinx3} with {@code pocketsphinx-en-us}) through
 * JNA. Its voice-activity detector ends an utterance after {@code endOfUtterance} of silence: the final. Decoders load
 * the model once (about half a second each) and are kept for the next stream; at most {@code maxStreams} at once.
 */
public class PocketSphinxRecognizer implements SpeechRecognizer {

    private static final Logger LOG = Logger.getLogger(PocketSphinxRecognizer.class);

    private final String libraryName;
    private final Path model;
    private final String language;
    private final long endOfUtteranceMs;
    private final Semaphore capacity;
    private final Deque<Pointer> idle = new ArrayDeque<>();
    private volatile PocketSphinxLibrary library;

    public PocketSphinxRecognizer(String libraryName, Path model, String language, int maxStreams, Duration endOfUtterance) {
        this.libraryName = libraryName;
        this.model = model;
        this.language = language;
        this.endOfUtteranceMs = endOfUtterance.toMillis();
        this.capacity = new Semaphore(maxStreams);
    }

    @Override
    public String name() {
        return "pocketsphinx";
    }

    @Override
    public String language() {
        return language;
    }

    /** Whether the library and the model are there (checked without keeping a decoder). */
    public Optional<String> problem() {
        if (!Files.isRegularFile(model.resolve("cmudict-en-us.dict")) || !Files.isDirectory(model.resolve("en-us"))) {
            return Optional.of("no PocketSphinx model in " + model + " (Debian package pocketsphinx-en-us)");
        }
        try {
            library();
            return Optional.empty();
        } catch (UnsatisfiedLinkError e) {
            return Optional.of("no PocketSphinx library " + libraryName + " (Debian package libpocketsphinx3)");
        }
    }

    /** Streams that may still be opened now. */
    public int available() {
        return capacity.availablePermits();
    }

    @Override
    public RecognitionStream open() {
        if (!capacity.tryAcquire()) {
            throw new EngineUnavailableException("every PocketSphinx decoder is busy");
        }
        try {
            return new Stream(borrow());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            capacity.release();
            throw e instanceof EngineUnavailableException u ? u : new EngineUnavailableException("PocketSphinx cannot start: " + e.getMessage(), e);
        }
    }

    private PocketSphinxLibrary library() {
        if (library == null) {
            synchronized (this) {
                if (library == null) {
                    library = Native.load(libraryName, PocketSphinxLibrary.class);
                }
            }
        }
        return library;
    }

    private Pointer borrow() {
        synchronized (idle) {
            Pointer decoder = idle.poll();
            if (decoder != null) {
                return decoder;
            }
        }
        PocketSphinxLibrary ps = library();
        String m = model.toString();
        Pointer config = ps.cmd_ln_init(null, ps.ps_args(), 1, "-hmm", m + "/en-us", "-lm", m + "/en-us.lm.bin",
                "-dict", m + "/cmudict-en-us.dict", "-logfn", "/dev/null", null);
        if (config == null) {
            throw new EngineUnavailableException("PocketSphinx refused its configuration (model " + m + ")");
        }
        Pointer decoder = ps.ps_init(config);
        if (decoder == null) {
            throw new EngineUnavailableException("PocketSphinx could not load its model from " + m);
        }
        LOG.debugf("PocketSphinx decoder loaded from %s", m);
        return decoder;
    }

    private void giveBack(Pointer decoder) {
        synchronized (idle) {
            idle.push(decoder);
        }
        capacity.release();
    }

    /** One stream on one decoder. */
    private final class Stream implements RecognitionStream {

        private final PocketSphinxLibrary ps = library();
        private Pointer decoder;
        private long samplesFed;
        private boolean inUtterance;
        private boolean heardSpeech;
        private long utteranceStartSample;
        private long silentSamples;
        private String lastPartial = "";

        Stream(Pointer decoder) {
            this.decoder = decoder;
        }

        @Override
        public List<Hypothesis> feed(short[] samples, int count) {
            List<Hypothesis> out = new ArrayList<>(2);
            if (!inUtterance) {
                check(ps.ps_start_utt(decoder), "ps_start_utt");
                inUtterance = true;
                heardSpeech = false;
                silentSamples = 0;
                lastPartial = "";
                utteranceStartSample = samplesFed;
            }
            check(ps.ps_process_raw(decoder, samples, count, 0, 0), "ps_process_raw");
            samplesFed += count;
            boolean speaking = ps.ps_get_in_speech(decoder) != 0;
            if (speaking) {
                if (!heardSpeech) {
                    utteranceStartSample = Math.max(utteranceStartSample, samplesFed - count);
                }
                heardSpeech = true;
                silentSamples = 0;
            } else {
                silentSamples += count;
            }
            if (heardSpeech) {
                String partial = hypothesis();
                if (!partial.isEmpty() && !partial.equals(lastPartial)) {
                    lastPartial = partial;
                    out.add(new Hypothesis(partial, false, ms(utteranceStartSample), ms(samplesFed), null));
                }
            }
            if (heardSpeech && ms(silentSamples) >= endOfUtteranceMs) {
                finish().ifPresent(out::add);
            }
            return out;
        }

        @Override
        public Optional<Hypothesis> finish() {
            if (!inUtterance) {
                return Optional.empty();
            }
            check(ps.ps_end_utt(decoder), "ps_end_utt");
            inUtterance = false;
            String text = hypothesis();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            double confidence = ps.logmath_exp(ps.ps_get_logmath(decoder), ps.ps_get_prob(decoder));
            long end = ms(samplesFed - silentSamples);
            return Optional.of(new Hypothesis(text, true, ms(utteranceStartSample), Math.max(end, ms(utteranceStartSample)),
                    Math.max(0.0, Math.min(1.0, confidence))));
        }

        @Override
        public long audioMs() {
            return ms(samplesFed);
        }

        @Override
        public void close() {
            if (decoder == null) {
                return;
            }
            if (inUtterance) {
                ps.ps_end_utt(decoder);
            }
            Pointer d = decoder;
            decoder = null;
            giveBack(d);
        }

        private String hypothesis() {
            String hyp = ps.ps_get_hyp(decoder, null);
            return hyp == null ? "" : hyp.trim();
        }

        private void check(int result, String call) {
            if (result < 0) {
                throw new EngineUnavailableException("PocketSphinx failed in " + call + " (" + result + ")");
            }
        }

        private static long ms(long samples) {
            return samples * 1000 / SAMPLE_RATE;
        }
    }
}
