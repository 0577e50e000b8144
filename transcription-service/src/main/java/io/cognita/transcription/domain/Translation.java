package io.cognita.transcription.domain;

import java.time.Instant;
import java.util.UUID;

/** A transcript translated into another language, done asynchronously. */
public record Translation(UUID id, UUID transcriptId, String targetLanguage, String status, String failureReason,
                          Instant createdAt, Instant completedAt) {
}
