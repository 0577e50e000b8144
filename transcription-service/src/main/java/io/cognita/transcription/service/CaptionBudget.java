package io.cognita.transcription.service;

import java.util.function.LongSupplier;

/**
 * A token bucket for a speaker's captions: finals (each a stored segment with a seq of its own) and partials (each a
 * frame to every listener).
 */
final class CaptionBudget {

    private final int burst;
    private final double perNano;
    private final LongSupplier nanos;
    private double tokens;
    private long last;

    CaptionBudget(int burst, int perSecond, LongSupplier nanos) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanos = nanos;
        this.tokens = burst;
        this.last = nanos.getAsLong();
    }

    boolean take() {
        long now = nanos.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
