package io.cognita.transcription.domain;

import java.time.Instant;
import java.util.UUID;

/** A meeting's transcript: the live one (one per meeting) or a recording's. */
public record Transcript(UUID id, UUID meetingId, UUID workspaceId, UUID orgId, String source, UUID recordingId,
                         String language, String status, String failureReason, long durationMs, long segmentCount,
                         Instant createdAt, Instant updatedAt, Instant completedAt) {
}
