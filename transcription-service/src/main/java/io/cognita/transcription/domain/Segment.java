package io.cognita.transcription.domain;

import java.util.UUID;

/**
 * A final segment of a transcript; {@code rank} and {@code highlight} are set by a full-text search only. The highlight
 * is the plain text with each match between {@link #MATCH_START} and {@link #MATCH_END}; {@link #highlightHtml()} is
 * what clients get.
 */
public record Segment(UUID transcriptId, long seq, UUID segmentId, String speakerUserId, String speakerLabel, long startMs,
                      long endMs, String text, Double confidence, String language, Float rank, String highlight) {

    public static final char MATCH_START = '\u0002';
    public static final char MATCH_END = '\u0003';

    /** The highlight as HTML: the spoken text escaped (a caption is any text a speaker typed), the matches in {@code <mark>}. */
    public String highlightHtml() {
        if (highlight == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(highlight.length() + 32);
        boolean open = false; // a marker already in the stored text must not leave a mark unbalanced
        for (int i = 0; i < highlight.length(); i++) {
            char c = highlight.charAt(i);
            switch (c) {
                case MATCH_START -> {
                    if (!open) {
                        out.append("<mark>");
                        open = true;
                    }
                }
                case MATCH_END -> {
                    if (open) {
                        out.append("</mark>");
                        open = false;
                    }
                }
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return open ? out.append("</mark>").toString() : out.toString();
    }
}
