package io.cognita.transcription.service;

import io.cognita.transcription.domain.Segment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Segment", description = "A final segment of a transcript.")
public record SegmentView(
        long seq, UUID segmentId, SpeakerView speaker, long startMs, long endMs, String text,
        @Schema(nullable = true) Double confidence, String language,
        @Schema(nullable = true, description = "full-text rank (with q only)") Float rank,
        @Schema(nullable = true, description = "the text as HTML, escaped, with matches in <mark> (with q only)") String highlight) {

    @Schema(name = "Speaker")
    public record SpeakerView(@Schema(nullable = true, description = "null when unknown or erased") String userId,
                              @Schema(nullable = true) String label) {
    }

    static SegmentView of(Segment s) {
        return new SegmentView(s.seq(), s.segmentId(), new SpeakerView(s.speakerUserId(), s.speakerLabel()), s.startMs(), s.endMs(),
                s.text(), s.confidence(), s.language(), s.rank(), s.highlightHtml());
    }
}
