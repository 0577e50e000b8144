package io.cognita.transcription.service;

import io.cognita.transcription.domain.Translation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@Schema(name = "Translation", description = "A transcript translated into another language.")
public record TranslationView(
        UUID translationId, UUID transcriptId, String sourceLanguage, String targetLanguage,
        @Schema(enumeration = {"pending", "completed", "failed"}) String status,
        @Schema(nullable = true) String failureReason, Instant createdAt, @Schema(nullable = true) Instant completedAt,
        @Schema(description = "translated segments by seq (complete once status is completed)") List<TranslatedSegmentView> segments) {

    @Schema(name = "TranslatedSegment")
    public record TranslatedSegmentView(long seq, long startMs, long endMs, String text) {
    }

    static TranslationView of(Translation t, String sourceLanguage, List<TranslatedSegmentView> segments) {
        return new TranslationView(t.id(), t.transcriptId(), sourceLanguage, t.targetLanguage(), t.status(),
                "failed".equals(t.status()) ? t.failureReason() : null, t.createdAt().truncatedTo(ChronoUnit.SECONDS),
                t.completedAt() == null ? null : t.completedAt().truncatedTo(ChronoUnit.SECONDS), segments);
    }
}
