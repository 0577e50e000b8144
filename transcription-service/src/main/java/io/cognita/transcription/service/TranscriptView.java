package io.cognita.transcription.service;

import io.cognita.transcription.domain.Transcript;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@Schema(name = "Transcript", description = "A meeting's transcript: the live one or a recording's.")
public record TranscriptView(
        UUID transcriptId, UUID meetingId, UUID workspaceId, UUID orgId,
        @Schema(enumeration = {"live", "recording"}) String source,
        @Schema(nullable = true, description = "the recording transcribed (source recording)") UUID recordingId,
        @Schema(example = "en-US") String language,
        @Schema(enumeration = {"live", "pending", "processing", "completed", "failed"}) String status,
        @Schema(nullable = true, description = "why it failed (status failed)") String failureReason,
        long durationMs, long segmentCount, Instant createdAt,
        @Schema(nullable = true) Instant completedAt) {

    static TranscriptView of(Transcript t) {
        return new TranscriptView(t.id(), t.meetingId(), t.workspaceId(), t.orgId(), t.source(), t.recordingId(), t.language(),
                t.status(), t.failureReason(), t.durationMs(), t.segmentCount(), t.createdAt().truncatedTo(ChronoUnit.SECONDS),
                t.completedAt() == null ? null : t.completedAt().truncatedTo(ChronoUnit.SECONDS));
    }
}
