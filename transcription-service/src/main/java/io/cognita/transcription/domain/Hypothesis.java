package io.cognita.transcription.domain;

/** What a recognizer heard: a partial (replaced by later ones of the same utterance) or a final. Times from the stream's start. */
public record Hypothesis(String text, boolean isFinal, long startMs, long endMs, Double confidence) {
}
