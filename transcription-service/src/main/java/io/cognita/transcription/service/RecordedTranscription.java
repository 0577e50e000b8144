package io.cognita.transcription.service;

import io.cognita.transcription.client.RecordingSource;
import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.Hypothesis;
import io.cognita.transcription.domain.RecognitionStream;
import io.cognita.transcription.domain.SpeechRecognizer;
import io.cognita.transcription.domain.Transcript;
import io.cognita.transcription.engine.AudioDecoder;
import io.cognita.transcription.repository.JobRepository;
import io.cognita.transcription.repository.JobRepository.Job;
import io.cognita.transcription.repository.TranscriptRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recorded transcription: a job per recording.uploaded, claimed with SKIP LOCKED under a lease (restart-safe: a job
 * whose replica died is taken again when its lease runs out), the recording read from meeting-service and checked,
 * decoded, recognized, and its segments stored with transcript.completed and usage.recorded in one transaction.
 * A failure is retried with exponential backoff; after the last attempt, or at once when retrying cannot help, the
 * transcript is {@code failed} with the reason.
 */
@ApplicationScoped
public class RecordedTranscription {

    private static final Logger LOG = Logger.getLogger(RecordedTranscription.class);
    static final Duration LEASE = Duration.ofMinutes(30);

    private final JobRepository jobs;
    private final TranscriptRepository transcripts;
    private final RecordingSource source;
    private final AudioDecoder decoder;
    private final SpeechRecognizer recognizer;
    private final TranscriptionEvents events;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration maxAudio;
    private static final java.util.concurrent.ScheduledExecutorService LEASE_KEEPER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "transcription-lease");
                t.setDaemon(true);
                return t;
            });

    public RecordedTranscription(JobRepository jobs, TranscriptRepository transcripts, RecordingSource source, AudioDecoder decoder,
                                 @Named("recorded") SpeechRecognizer recognizer, TranscriptionEvents events, Clock clock,
                                 @ConfigProperty(name = "cognita.jobs.max-attempts") int maxAttempts,
                                 @ConfigProperty(name = "cognita.audio.max-duration") Duration maxAudio) {
        this.maxAudio = maxAudio;
        this.jobs = jobs;
        this.transcripts = transcripts;
        this.source = source;
        this.decoder = decoder;
        this.recognizer = recognizer;
        this.events = events;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(every = "${cognita.jobs.every}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        for (int i = 0; i < 10 && runOnce(); i++) {
            // up to ten jobs a round; the next round takes the rest
        }
    }

    /** Takes and does one due job; false when none was due. */
    public boolean runOnce() {
        Optional<Job> claimed = QuarkusTransaction.requiringNew().call(() -> jobs.claim(clock.instant(), LEASE));
        if (claimed.isEmpty()) {
            return false;
        }
        Job claim = claimed.get();
        if (claim.attempts() > maxAttempts) {
            // claimed that often without an outcome: the worker stopped during each attempt (a crash, out of memory)
            failed(claim, "transcription failed", "the worker stopped during each of " + maxAttempts + " attempts", true);
            return true;
        }
        // the lease is renewed while the work goes on (a long recording takes longer than one lease)
        java.util.concurrent.atomic.AtomicReference<Job> held = new java.util.concurrent.atomic.AtomicReference<>(claim);
        java.util.concurrent.ScheduledFuture<?> renewal = LEASE_KEEPER.scheduleWithFixedDelay(() -> renew(held),
                LEASE.toSeconds() / 3, LEASE.toSeconds() / 3, java.util.concurrent.TimeUnit.SECONDS);
        try {
            work(held);
        } finally {
            renewal.cancel(false);
        }
        return true;
    }

    private void renew(java.util.concurrent.atomic.AtomicReference<Job> held) {
        synchronized (held) {
            try {
                Job current = held.get();
                QuarkusTransaction.requiringNew().call(() -> jobs.extend(current, clock.instant().plus(LEASE)))
                        .ifPresent(held::set);
            } catch (RuntimeException e) {
                LOG.warnf(e, "a job's lease could not be renewed (it is retried at the next renewal)");
            }
        }
    }

    /** The outcome, written under the lease held now (never while it is being renewed). */
    private static void settle(java.util.concurrent.atomic.AtomicReference<Job> held, java.util.function.Consumer<Job> outcome) {
        synchronized (held) {
            outcome.accept(held.get());
        }
    }

    private void work(java.util.concurrent.atomic.AtomicReference<Job> held) {
        Job job = held.get();
        QuarkusTransaction.requiringNew().run(() -> transcripts.status(job.transcriptId(), "processing", null, clock.instant()));
        Path file = null;
        try {
            file = source.download(job.recordingId(), job.sizeBytes(), job.sha256());
            List<Hypothesis> finals;
            long audioMs;
            boolean tooLong;
            try (CountingInputStream pcm = new CountingInputStream(decoder.pcm(file), maxAudio.toMillis() * RecognitionStream.SAMPLE_RATE / 1000 * 2)) {
                finals = recognizer.transcribe(pcm);
                audioMs = pcm.count() / 2 * 1000 / RecognitionStream.SAMPLE_RATE;
                tooLong = pcm.truncated();
            }
            if (tooLong) {
                settle(held, j -> failed(j, "the recording is longer than " + maxAudio.toHours() + " h", audioMs + " ms decoded", true));
                return;
            }
            settle(held, j -> QuarkusTransaction.requiringNew().run(() -> store(j, finals, audioMs)));
            LOG.infof("recording %s transcribed: %d segments from %d ms of audio", job.recordingId(), finals.size(), audioMs);
        } catch (RecordingSource.ReadFailure e) {
            settle(held, j -> failed(j, e.permanent() ? "the recording no longer exists" : "the recording could not be read", e.getMessage(), e.permanent()));
        } catch (EngineUnavailableException e) {
            settle(held, j -> failed(j, "the speech engine is unavailable", e.getMessage(), false));
        } catch (IOException e) {
            settle(held, j -> failed(j, "the recording could not be decoded", e.getMessage(), false));
        } catch (RuntimeException e) {
            LOG.errorf(e, "recording %s: transcription failed", job.recordingId());
            settle(held, j -> failed(j, "transcription failed", e.toString(), false));
        } finally {
            deleteQuietly(file);
        }
    }

    private void store(Job job, List<Hypothesis> finals, long audioMs) {
        Transcript t = transcripts.find(job.transcriptId()).orElse(null);
        if (!jobs.done(job)) {
            LOG.warnf("recording %s: the lease passed and another worker took the job; this result is dropped", job.recordingId());
            return;
        }
        if (t == null) {
            return;
        }
        Instant now = clock.instant();
        for (Hypothesis h : finals) {
            transcripts.append(t.id(), UUID.randomUUID(), null, null, h.startMs(), h.endMs(), h.text(), h.confidence(), t.language(), now);
        }
        transcripts.status(t.id(), "completed", null, now);
        long duration = Math.max(audioMs, finals.isEmpty() ? 0 : finals.get(finals.size() - 1).endMs());
        events.transcriptCompleted(t, "completed", null, duration, finals.size());
        events.usage(t.orgId(), t.meetingId(), null, "recording", audioMs, now);
    }

    /**
     * A failed attempt. The transcript's status and the event carry {@code reason}, which names the kind of failure
     * only; the {@code detail} (addresses, paths, engine messages) goes to the log and the job row, never to clients.
     */
    private void failed(Job job, String reason, String detail, boolean permanent) {
        boolean giveUp = permanent || job.attempts() >= maxAttempts;
        Instant now = clock.instant();
        Instant next = now.plus(Duration.ofSeconds(10L << Math.min(job.attempts(), 10)));
        LOG.warnf("recording %s: attempt %d failed (%s: %s)%s", job.recordingId(), job.attempts(), reason, detail,
                giveUp ? "; given up" : "; retried at " + next);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!jobs.failed(job, reason + ": " + detail, next, giveUp)) {
                return; // another claim holds the job now
            }
            transcripts.find(job.transcriptId()).ifPresent(t -> {
                if (giveUp) {
                    transcripts.status(t.id(), "failed", reason, now);
                    events.transcriptCompleted(t, "failed", reason, 0, 0);
                } else {
                    transcripts.status(t.id(), "pending", "retrying: " + reason, now);
                }
            });
        });
    }

    /** Counts the bytes read through it, and ends at {@code limit} (the longest recording taken). */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private final long limit;
        private long count;

        CountingInputStream(java.io.InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        /** Whether the audio went on past the limit (read once the limit is reached). */
        boolean truncated() throws IOException {
            return count >= limit && super.read() >= 0;
        }

        @Override
        public int read() throws IOException {
            if (count >= limit) {
                return -1;
            }
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (count >= limit) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, limit - count));
            count += Math.max(n, 0);
            return n;
        }

        long count() {
            return count;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file: the OS cleans it up eventually
            }
        }
    }
}
