package io.cognita.transcription.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.Hypothesis;
import io.cognita.transcription.domain.KnownMeeting;
import io.cognita.transcription.domain.RecognitionStream;
import io.cognita.transcription.domain.Segment;
import io.cognita.transcription.domain.SpeechRecognizer;
import io.cognita.transcription.domain.Transcript;
import io.cognita.transcription.repository.TranscriptRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live protocol's work: a speaker's audio through the recognizer, or a speaker's captions, into partial frames
 * (same segmentId, rising revision) and finals (stored with their seq, then published); replay of finals after a
 * reconnect; billable minutes when a speaker's stream ends.
 */
@ApplicationScoped
public class LiveTranscription {

    /** What a bad frame gets: its code and a sentence; the socket stays open. */
    public static final class FrameRefused extends RuntimeException {
        private final String code;

        public FrameRefused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final TranscriptRepository transcripts;
    private final SpeechRecognizer recognizer;
    private final LiveHub hub;
    private final TranscriptionEvents events;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxAudioFrame;
    private final long audioAheadMs;
    private final int finalCaptionBurst;
    private final int finalCaptionsPerSecond;
    private final int partialCaptionsPerSecond;
    private static final long MINUTE_MS = 60_000;
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LiveTranscription.class);

    public LiveTranscription(TranscriptRepository transcripts, @Named("live") SpeechRecognizer recognizer, LiveHub hub,
                             TranscriptionEvents events, ObjectMapper json, Clock clock, LiveSettings settings) {
        this.partialCaptionsPerSecond = settings.partialCaptionsPerSecond();
        this.audioAheadMs = settings.audioAhead().toMillis();
        this.finalCaptionBurst = settings.finalCaptionBurst();
        this.finalCaptionsPerSecond = settings.finalCaptionsPerSecond();
        this.transcripts = transcripts;
        this.recognizer = recognizer;
        this.hub = hub;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.maxAudioFrame = settings.maxAudioFrame();
    }

    public String language() {
        return recognizer.language();
    }

    /** The meeting's live transcript (created by the first socket). */
    public Transcript transcript(KnownMeeting m) {
        return QuarkusTransaction.requiringNew().call(() ->
                transcripts.liveTranscript(m.meetingId(), m.workspaceId(), m.orgId(), recognizer.language(), clock.instant()));
    }

    /** A page of replayed finals: their segment frames in order, and the seq of the last (or the one asked after). */
    public record Replay(List<String> frames, long lastSeq) {
    }

    /** Up to {@code limit} stored finals after {@code afterSeq}, as segment frames, in order. */
    public Replay replay(Transcript t, long afterSeq, int limit) {
        List<Segment> finals = QuarkusTransaction.requiringNew().call(() -> transcripts.finalsAfter(t.id(), afterSeq, limit));
        return new Replay(finals.stream().map(s -> frame(t, s).toString()).toList(),
                finals.isEmpty() ? afterSeq : finals.get(finals.size() - 1).seq());
    }

    public Speaker speaker(Transcript t, String userId, String label) {
        return new Speaker(t, userId, label);
    }

    private ObjectNode frame(Transcript t, Segment s) {
        ObjectNode frame = segmentFrame(t, s.segmentId(), 0, true, s.speakerUserId(), s.speakerLabel(), s.startMs(), s.endMs(), s.text(),
                s.confidence(), s.language());
        frame.put("seq", s.seq());
        return frame;
    }

    private ObjectNode segmentFrame(Transcript t, UUID segmentId, int revision, boolean isFinal, String userId, String label,
                                    long startMs, long endMs, String text, Double confidence, String language) {
        ObjectNode frame = json.createObjectNode().put("type", "segment").put("meetingId", t.meetingId().toString())
                .put("transcriptId", t.id().toString()).put("segmentId", segmentId.toString());
        frame.putNull("seq");
        frame.put("revision", revision).put("isFinal", isFinal);
        ObjectNode speaker = frame.putObject("speaker");
        speaker.put("userId", userId).put("label", label);
        frame.put("startMs", startMs).put("endMs", endMs).put("text", text);
        if (confidence == null) {
            frame.putNull("confidence");
        } else {
            frame.put("confidence", confidence);
        }
        frame.put("language", language);
        return frame;
    }

    /**
     * One speaker's socket. Its frames come one at a time; the recheck may release an idle decoder meanwhile, hence
     * the lock (which the recheck only tries: it never waits on a speaker's frame).
     */
    public final class Speaker implements AutoCloseable {

        private final Transcript transcript;
        private final String userId;
        private final String label;
        private final UUID streamId = UUID.randomUUID();
        private final long offsetMs;
        private final AudioPacer pacer;
        private final CaptionBudget finalCaptions;
        private final CaptionBudget partialCaptions;
        private final ReentrantLock lock = new ReentrantLock();
        private long windowStartNanos = System.nanoTime();
        private long windowSamples;
        private RecognitionStream stream;
        private long streamOffsetMs;
        private long closedStreamsMs;
        private UUID segmentId = UUID.randomUUID();
        private int revision;
        private long captionAudioMs;
        private long billedMs;
        private int billedParts;

        Speaker(Transcript transcript, String userId, String label) {
            this.transcript = transcript;
            this.userId = userId;
            this.label = label;
            this.offsetMs = sinceTranscriptStarted();
            this.pacer = new AudioPacer(audioAheadMs, RecognitionStream.SAMPLE_RATE, System::nanoTime);
            this.finalCaptions = new CaptionBudget(finalCaptionBurst, finalCaptionsPerSecond, System::nanoTime);
            this.partialCaptions = new CaptionBudget(partialCaptionsPerSecond * 2, partialCaptionsPerSecond, System::nanoTime);
        }

        private long sinceTranscriptStarted() {
            return Math.max(0, Duration.between(transcript.createdAt(), clock.instant()).toMillis());
        }

        /** A binary frame: PCM16 LE mono 16 kHz, taken at real time (and a little ahead), no faster. */
        public void audio(byte[] frame) {
            lock.lock();
            try {
                takeAudio(frame);
            } finally {
                lock.unlock();
            }
        }

        private void takeAudio(byte[] frame) {
            if (frame.length == 0 || frame.length % 2 != 0) {
                throw new FrameRefused("BAD_AUDIO_FRAME", "Audio frames are PCM 16-bit samples: an even, non-zero number of bytes.");
            }
            if (frame.length > maxAudioFrame) {
                throw new FrameRefused("FRAME_TOO_LARGE", "Audio frames are at most " + maxAudioFrame + " bytes.");
            }
            if (!pacer.admit(frame.length / 2)) {
                throw new FrameRefused("AUDIO_TOO_FAST", "Audio is taken at real time (16,000 samples a second, at most "
                        + audioAheadMs / 1000 + " s ahead); this frame was dropped.");
            }
            if (stream == null) {
                // the stream's audio starts now, when it came, not once a decoder has loaded its model
                long offset = sinceTranscriptStarted();
                stream = recognizer.open();
                streamOffsetMs = offset;
            }
            windowSamples += frame.length / 2;
            short[] samples = new short[frame.length / 2];
            ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            long started = System.nanoTime();
            List<Hypothesis> heard = stream.feed(samples, samples.length);
            long processingMs = (System.nanoTime() - started) / 1_000_000;
            hub.lag(Math.max(0, processingMs - samples.length * 1000L / RecognitionStream.SAMPLE_RATE));
            heard.forEach(h -> hypothesis(h, streamOffsetMs));
            bill(audioMs(), false);
        }

        /** A caption text frame from a client-side recognizer; finals are limited in rate (each is stored). */
        public void caption(String text, boolean isFinal) {
            lock.lock();
            try {
                takeCaption(text, isFinal);
            } finally {
                lock.unlock();
            }
        }

        private void takeCaption(String text, boolean isFinal) {
            String clean = text == null ? "" : CONTROL.matcher(text).replaceAll(" ").strip();
            if (clean.isEmpty()) {
                throw new FrameRefused("BAD_CAPTION", "A caption frame needs a non-empty text.");
            }
            if (isFinal && !finalCaptions.take()) {
                throw new FrameRefused("RATE_LIMITED", "At most " + finalCaptionsPerSecond + " final captions a second (bursts of "
                        + finalCaptionBurst + "); this one was dropped.");
            }
            if (!isFinal && !partialCaptions.take()) {
                throw new FrameRefused("RATE_LIMITED", "At most " + partialCaptionsPerSecond + " partial captions a second; this one "
                        + "was dropped.");
            }
            long now = sinceTranscriptStarted() - offsetMs;
            captionAudioMs = Math.max(captionAudioMs, now);
            hypothesis(new Hypothesis(clean, isFinal, now, now, null), offsetMs);
            bill(audioMs(), false);
        }

        private long audioMs() {
            return Math.max(captionAudioMs, closedStreamsMs + (stream == null ? 0 : stream.audioMs()));
        }

        private void hypothesis(Hypothesis h, long base) {
            long start = base + h.startMs();
            long end = base + h.endMs();
            if (!h.isFinal()) {
                hub.publish(transcript.meetingId(), segmentFrame(transcript, segmentId, ++revision, false, userId, label, start, end,
                        h.text(), h.confidence(), recognizer.language()));
                return;
            }
            UUID id = segmentId;
            Instant now = clock.instant();
            long seq = QuarkusTransaction.requiringNew().call(() -> transcripts.append(transcript.id(), id, userId, label, start, end,
                    h.text(), h.confidence(), recognizer.language(), now));
            if (seq < 0) {
                throw new FrameRefused("MEETING_NOT_LIVE", "The meeting has ended; its transcript takes no more segments.");
            }
            ObjectNode frame = segmentFrame(transcript, id, ++revision, true, userId, label, start, end, h.text(), h.confidence(),
                    recognizer.language());
            frame.put("seq", seq);
            hub.publish(transcript.meetingId(), frame);
            segmentId = UUID.randomUUID();
            revision = 0;
        }

        /**
         * Billable time: each whole minute as it is reached (a crash loses at most the minute in progress), the rest
         * when the speaker leaves. Every part is recorded once under its own id, so a retry never bills twice.
         */
        private void bill(long upToMs, boolean last) {
            long unbilled = upToMs - billedMs;
            if (unbilled <= 0 || !last && unbilled < MINUTE_MS) {
                return;
            }
            long amount = last ? unbilled : unbilled / MINUTE_MS * MINUTE_MS;
            UUID part = UUID.nameUUIDFromBytes((streamId + "/" + billedParts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            QuarkusTransaction.requiringNew().run(() -> {
                if (transcripts.recordLiveUsage(part, transcript.meetingId(), userId, amount, Timestamp.from(clock.instant())) == 1) {
                    events.usage(transcript.orgId(), transcript.meetingId(), userId, "live", amount, clock.instant());
                }
            });
            billedParts++;
            billedMs += amount;
        }

        /**
         * A speaker silent for {@code idle} gives its decoder back (the utterance in progress becomes a final); the next
         * audio frame takes one again. Decoders are few, and a socket that stays open without speaking must not hold one.
         */
        public void releaseIfIdle(Duration idle) {
            if (!lock.tryLock()) {
                return; // busy with a frame: not idle, and the recheck must not wait on it
            }
            try {
                long now = System.nanoTime();
                if (now - windowStartNanos < idle.toNanos()) {
                    return;
                }
                // idle: less than a tenth of the window's time in audio (a few bytes now and then do not hold a decoder)
                boolean idleNow = windowSamples < idle.toMillis() / 10 * RecognitionStream.SAMPLE_RATE / 1000;
                windowStartNanos = now;
                windowSamples = 0;
                if (stream != null && idleNow) {
                    endStream();
                }
            } finally {
                lock.unlock();
            }
        }

        /** The utterance in progress becomes a final; the decoder is given back whatever fails. */
        private void endStream() {
            RecognitionStream ending = stream;
            try {
                ending.finish().ifPresent(h -> hypothesis(h, streamOffsetMs));
            } catch (EngineUnavailableException | FrameRefused ignored) {
                // the engine failed at the end, or the meeting ended: what was final is stored already
            } catch (RuntimeException e) {
                LOG.warnf(e, "the last utterance of a speaker in meeting %s was lost", transcript.meetingId());
            } finally {
                closedStreamsMs += ending.audioMs();
                stream = null;
                ending.close();
            }
        }

        /** The speaker left: the utterance in progress becomes a final; the time not billed yet is. */
        @Override
        public void close() {
            lock.lock();
            try {
                if (stream != null) {
                    endStream();
                }
                bill(audioMs(), true);
            } finally {
                lock.unlock();
            }
        }
    }
}
