package io.cognita.transcription.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

class AudioPacerTest {

    private static final int RATE = 16_000;
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void audioRunsAtMostTheAllowanceAheadOfTheClock() {
        AudioPacer pacer = new AudioPacer(5_000, RATE, clock::get);
        int taken = 0;
        for (int i = 0; i < 1000; i++) { // 20 s of 20 ms frames at once
            taken += pacer.admit(320) ? 1 : 0;
        }
        assertThat("5 s ahead, no more", taken, equalTo(250));
        clock.addAndGet(1_000_000_000L); // a second later: a second more
        int more = 0;
        for (int i = 0; i < 1000; i++) {
            more += pacer.admit(320) ? 1 : 0;
        }
        assertThat(more, equalTo(50));
    }

    @Test
    void tinyFramesAreCountedSampleBySample() {
        AudioPacer pacer = new AudioPacer(1_000, RATE, clock::get);
        int taken = 0;
        for (int i = 0; i < 10_000; i++) { // 15-sample frames: less than a millisecond each
            taken += pacer.admit(15) ? 1 : 0;
        }
        assertThat(taken, equalTo(RATE / 15));
    }

    @Test
    void aSilentSpeakerSavesUpNoCredit() {
        AudioPacer pacer = new AudioPacer(1_000, RATE, clock::get);
        pacer.admit(320);
        clock.addAndGet(600_000_000_000L); // ten minutes without a frame
        int taken = 0;
        for (int i = 0; i < 100_000; i++) {
            taken += pacer.admit(320) ? 1 : 0;
        }
        assertThat("a second behind and a second ahead, not ten minutes", taken, equalTo(100));
    }

    @Test
    void realTimeAudioIsAlwaysTaken() {
        AudioPacer pacer = new AudioPacer(500, RATE, clock::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(pacer.admit(320), equalTo(true));
            clock.addAndGet(20_000_000L);
        }
    }

    @Test
    void captionsAreLimitedToTheirRateAfterABurst() {
        CaptionBudget budget = new CaptionBudget(20, 5, clock::get);
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
