package io.cognita.transcription.domain;

import java.util.UUID;

/** A final segment of a transcript; {@code rank} and {@code highlight} are set by a full-text search only. */
public record Segment(UUID transcriptId, long seq, UUID segmentId, String speakerUserId, String speakerLabel, long startMs,
                      long endMs, String text, Double confidence, String language, Float rank, String highlight) {
}
