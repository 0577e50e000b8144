package io.cognita.transcription.service;

import io.cognita.transcription.domain.Segment;

import java.util.List;

/** Segments as WebVTT or SubRip subtitles. */
final class SubtitleWriter {

    private SubtitleWriter() {
    }

    static String vtt(List<Segment> segments) {
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        for (Segment s : segments) {
            out.append(s.seq()).append('\n').append(time(s.startMs(), '.')).append(" --> ").append(time(cueEnd(s), '.')).append('\n');
            if (s.speakerLabel() != null) {
                out.append("<v ").append(escapeVtt(s.speakerLabel().replace('>', ' '))).append('>');
            }
            out.append(escapeVtt(s.text())).append("\n\n");
        }
        return out.toString();
    }

    static String srt(List<Segment> segments) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (Segment s : segments) {
            out.append(++n).append('\n').append(time(s.startMs(), ',')).append(" --> ").append(time(cueEnd(s), ',')).append('\n');
            out.append(s.text().replace("\r", " ").replace("\n", " ")).append("\n\n");
        }
        return out.toString();
    }

    /** A cue lasts at least a millisecond (players skip empty ones). */
    private static long cueEnd(Segment s) {
        return Math.max(s.endMs(), s.startMs() + 1);
    }

    /** No "-->" and no blank line inside a cue; markup characters escaped. */
    private static String escapeVtt(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", " ").replace("\n", " ");
    }

    private static String time(long ms, char separator) {
        long h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60, milli = ms % 1000;
        return String.format("%02d:%02d:%02d%c%03d", h, m, s, separator, milli);
    }
}
