package io.cognita.transcription.service;

import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.LanguagePair;
import io.cognita.transcription.domain.Segment;
import io.cognita.transcription.domain.Transcript;
import io.cognita.transcription.domain.Translation;
import io.cognita.transcription.domain.Translator;
import io.cognita.transcription.repository.TranscriptRepository;
import io.cognita.transcription.domain.SegmentQuery;
import io.cognita.transcription.repository.TranslationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translations asked for through the API: claimed like recorded-transcription jobs (a restart leaves them pending,
 * taken again once their lease runs out), the transcript's segments translated in batches, stored with
 * translation.completed in one transaction; engine failures retried with backoff, then {@code failed}.
 */
@ApplicationScoped
public class TranslationWorker {

    private static final Logger LOG = Logger.getLogger(TranslationWorker.class);
    private static final int BATCH = 200;

    private final TranslationRepository translations;
    private final TranscriptRepository transcripts;
    private final Translator translator;
    private final TranscriptionEvents events;
    private final Clock clock;
    private final int maxAttempts;

    public TranslationWorker(TranslationRepository translations, TranscriptRepository transcripts, Translator translator,
                             TranscriptionEvents events, Clock clock, @ConfigProperty(name = "cognita.jobs.max-attempts") int maxAttempts) {
        this.translations = translations;
        this.transcripts = transcripts;
        this.translator = translator;
        this.events = events;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(every = "${cognita.jobs.every}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        for (int i = 0; i < 10 && runOnce(); i++) {
            // up to ten a round
        }
    }

    public boolean runOnce() {
        Optional<Translation> claimed = QuarkusTransaction.requiringNew().call(() -> translations.claim(clock.instant(), Duration.ofMinutes(10)));
        if (claimed.isEmpty()) {
            return false;
        }
        Translation tr = claimed.get();
        Optional<Transcript> transcript = QuarkusTransaction.requiringNew().call(() -> transcripts.find(tr.transcriptId()));
        if (transcript.isEmpty()) {
            return true;
        }
        Transcript t = transcript.get();
        if (QuarkusTransaction.requiringNew().call(() -> translations.attempts(tr.id())) > maxAttempts) {
            // claimed that often without an outcome: its worker stopped during each attempt (a crash, out of memory)
            LOG.warnf("translation %s: claimed %d times without an outcome; given up", tr.id(), maxAttempts);
            QuarkusTransaction.requiringNew().run(() -> {
                if (translations.finish(tr.id(), "failed", "translation failed", clock.instant())) {
                    events.translationCompleted(t, tr.id(), tr.targetLanguage(), "failed", "translation failed");
                }
            });
            return true;
        }
        try {
            List<Segment> segments = QuarkusTransaction.requiringNew().call(() -> transcripts.segments(t.id(),
                    SegmentQuery.ALL, t.language(), TranscriptService.EXPORT_MAX, null, null));
            LanguagePair pair = LanguagePair.of(t.language(), tr.targetLanguage());
            List<String> translated = new ArrayList<>(segments.size());
            for (int at = 0; at < segments.size(); at += BATCH) {
                List<Segment> batch = segments.subList(at, Math.min(segments.size(), at + BATCH));
                translated.addAll(translator.translate(pair, batch.stream().map(Segment::text).toList()));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                Instant now = clock.instant();
                if (!translations.finish(tr.id(), "completed", null, now)) {
                    return; // another worker finished it first
                }
                for (int i = 0; i < segments.size(); i++) {
                    translations.addSegment(tr.id(), segments.get(i).seq(), translated.get(i));
                }
                events.translationCompleted(t, tr.id(), tr.targetLanguage(), "completed", null);
            });
        } catch (RuntimeException e) {
            // the reason a client sees names the kind of failure, not the engine's internals (logged here)
            boolean permanent = e instanceof IllegalArgumentException;
            String reason = e instanceof EngineUnavailableException ? "the translation engine is unavailable"
                    : permanent ? "the engine does not translate this language pair" : "translation failed";
            LOG.warnf(e, "translation %s: %s", tr.id(), reason);
            QuarkusTransaction.requiringNew().run(() -> {
                int attempts = translations.attempts(tr.id());
                Instant now = clock.instant();
                if (attempts >= maxAttempts || permanent) {
                    if (translations.finish(tr.id(), "failed", reason, now)) {
                        events.translationCompleted(t, tr.id(), tr.targetLanguage(), "failed", reason);
                    }
                } else {
                    translations.retryAt(tr.id(), reason, now.plus(Duration.ofSeconds(10L << Math.min(attempts, 10))));
                }
            });
        }
        return true;
    }
}
