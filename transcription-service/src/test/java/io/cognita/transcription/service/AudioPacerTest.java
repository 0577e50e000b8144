package io.cognita.transcription.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

class AudioPacerTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void audioRunsAtMostTheAllowanceAheadOfTheClock() {
        AudioPacer pacer = new AudioPacer(5_000, clock::get);
        int taken = 0;
        for (int i = 0; i < 1000; i++) { // 20 s of 20 ms frames at once
            taken += pacer.admit(20) ? 1 : 0;
        }
        assertThat("5 s ahead, no more", taken, equalTo(250));
        clock.addAndGet(1_000_000_000L); // a second later: a second more
        int more = 0;
        for (int i = 0; i < 1000; i++) {
            more += pacer.admit(20) ? 1 : 0;
        }
        assertThat(more, equalTo(50));
    }

    @Test
    void realTimeAudioIsAlwaysTaken() {
        AudioPacer pacer = new AudioPacer(500, clock::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(pacer.admit(20), equalTo(true));
            clock.addAndGet(20_000_000L);
        }
    }

    @Test
    void finalCaptionsAreLimitedToTheirRateAfterABurst() {
        FinalCaptionBudget budget = new FinalCaptionBudget(20, 5, clock::get);
        int taken = 0;
        for (int i = 0; i < 100; i++) {
            taken += budget.take() ? 1 : 0;
        }
        assertThat(taken, equalTo(20));
        clock.addAndGet(1_000_000_000L);
        taken = 0;
        for (int i = 0; i < 100; i++) {
            taken += budget.take() ? 1 : 0;
        }
        assertThat(taken, equalTo(5));
    }
}
