package io.cognita.transcription.service;

import java.util.function.LongSupplier;

/**
 * Live audio is taken at real time: from a speaker's first frame, the samples received may run at most
 * {@code aheadMs} ahead of the wall clock (network jitter, a client's buffer sent after a hiccup). Audio faster than
 * that would queue without bound in front of a decoder that works at about real time. Counted in samples (a frame of
 * a few bytes is not free), and a silent speaker does not save up credit: it may fall behind by {@code aheadMs} at
 * most, so a burst after a pause is bounded too.
 */
final class AudioPacer {

    private final long aheadSamples;
    private final int sampleRate;
    private final LongSupplier nanos;
    private long startNanos;
    private long received = -1;

    AudioPacer(long aheadMs, int sampleRate, LongSupplier nanos) {
        this.aheadSamples = aheadMs * sampleRate / 1000;
        this.sampleRate = sampleRate;
        this.nanos = nanos;
    }

    /** Whether {@code samples} more may be taken now (they are counted when they may). */
    boolean admit(long samples) {
        long now = nanos.getAsLong();
        if (received < 0) {
            startNanos = now;
            received = 0;
        }
        long elapsed = (now - startNanos) / 1000 * sampleRate / 1_000_000;
        received = Math.max(received, elapsed - aheadSamples);
        if (received + samples > elapsed + aheadSamples) {
            return false;
        }
        received += samples;
        return true;
    }
}
