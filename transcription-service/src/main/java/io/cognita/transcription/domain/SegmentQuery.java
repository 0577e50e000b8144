package io.cognita.transcription.domain;

/** Segment filters; null where not given: a speaker's user id, a time range, full-text words. */
public record SegmentQuery(String speaker, Long fromMs, Long toMs, String text) {

    public static final SegmentQuery ALL = new SegmentQuery(null, null, null, null);
}
