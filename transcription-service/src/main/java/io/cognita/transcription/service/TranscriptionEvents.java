package io.cognita.transcription.service;

import io.cognita.platform.outbox.Outbox;
import io.cognita.transcription.domain.Transcript;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** transcription-service's events (asyncapi.yaml), written to the outbox in the transaction of the change. */
@ApplicationScoped
public class TranscriptionEvents {

    public static final String TRANSCRIPTION_MINUTES = "transcription-minutes";

    public record TranscriptCompleted(UUID transcriptId, UUID meetingId, UUID workspaceId, UUID orgId, String source,
                                      UUID recordingId, String language, String status, String failureReason,
                                      long durationMs, long segmentCount) {
    }

    public record TranslationCompleted(UUID translationId, UUID transcriptId, UUID meetingId, UUID orgId,
                                       String targetLanguage, String status, String failureReason) {
    }

    public record UsageRecorded(String meter, long quantity, Instant recordedAt, UUID meetingId, String userId,
                                String source, long audioMs) {
    }

    private final Outbox outbox;

    public TranscriptionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void transcriptCompleted(Transcript t, String status, String failureReason, long durationMs, long segmentCount) {
        outbox.record("transcript.completed", t.orgId().toString(), "transcript/" + t.id(),
                new TranscriptCompleted(t.id(), t.meetingId(), t.workspaceId(), t.orgId(), t.source(), t.recordingId(),
                        t.language(), status, failureReason, durationMs, segmentCount));
    }

    void translationCompleted(Transcript t, UUID translationId, String target, String status, String failureReason) {
        outbox.record("translation.completed", t.orgId().toString(), "transcript/" + t.id() + "/translation/" + translationId,
                new TranslationCompleted(translationId, t.id(), t.meetingId(), t.orgId(), target, status, failureReason));
    }

    /** Billable minutes (rounded up) of audio transcribed for a meeting and speaker (null: a recording). */
    void usage(UUID orgId, UUID meetingId, String userId, String source, long audioMs, Instant at) {
        if (audioMs <= 0) {
            return;
        }
        long minutes = (audioMs + 59_999) / 60_000;
        outbox.record("usage.recorded", orgId.toString(), "meeting/" + meetingId + "/usage",
                new UsageRecorded(TRANSCRIPTION_MINUTES, minutes, at, meetingId, userId, source, audioMs));
    }
}
