package io.cognita.transcription.service;

import java.util.function.LongSupplier;

/**
 * Live audio is taken at real time: from a speaker's first frame, the audio received may run at most {@code aheadMs}
 * ahead of the wall clock (network jitter, a client's buffer sent after a hiccup). Audio faster than that would queue
 * without bound in front of a decoder that works at about real time.
 */
final class AudioPacer {

    private final long aheadMs;
    private final LongSupplier nanos;
    private long startNanos;
    private long receivedMs = -1;

    AudioPacer(long aheadMs, LongSupplier nanos) {
        this.aheadMs = aheadMs;
        this.nanos = nanos;
    }

    /** Whether a frame of {@code frameMs} may be taken now (it is counted when it may). */
    boolean admit(long frameMs) {
        long now = nanos.getAsLong();
        if (receivedMs < 0) {
            startNanos = now;
            receivedMs = 0;
        }
        long elapsedMs = (now - startNanos) / 1_000_000;
        if (receivedMs + frameMs > elapsedMs + aheadMs) {
            return false;
        }
        receivedMs += frameMs;
        return true;
    }
}
