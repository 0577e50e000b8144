package io.cognita.platform.auth;

import io.cognita.platform.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RevokedSessionsViewTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final AtomicLong nanos = new AtomicLong(-5_000_000_000L); // System.nanoTime may be negative
    private final RevokedSessionsView view = new RevokedSessionsView(Duration.ofSeconds(5), clock, nanos::get);

    private void advance(Duration duration) {
        clock.advance(duration);
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void saysNothingBeforeItFirstCaughtUp() {
        view.revoke("s1", clock.instant().plusSeconds(900));
        assertEquals(Optional.empty(), view.revoked("s1"));
        assertEquals(Optional.empty(), view.revoked("s2"));
        advance(Duration.ofSeconds(7));
        assertEquals(7.0, view.ageSeconds());
    }

    @Test
    void answersWhileCurrent() {
        view.revoke("s1", clock.instant().plusSeconds(900));
        view.caughtUp(nanos.get());
        assertEquals(Optional.of(true), view.revoked("s1"));
        assertEquals(Optional.of(false), view.revoked("s2"));
    }

    @Test
    void fallsSilentOnceItHasNotCaughtUpForLongerThanItsStaleness() {
        view.caughtUp(nanos.get());
        advance(Duration.ofSeconds(5));
        assertEquals(Optional.of(false), view.revoked("s1"));
        advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), view.revoked("s1"));
        assertEquals(5.001, view.ageSeconds(), 1e-9);
        view.caughtUp(nanos.get() - 1_000_000_000L);
        assertEquals(Optional.of(false), view.revoked("s1"));
    }

    @Test
    void aWallClockSteppedBackDoesNotKeepAStaleViewCurrent() {
        view.caughtUp(nanos.get());
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        clock.advance(Duration.ofSeconds(-60));
        assertEquals(Optional.empty(), view.revoked("s1"));
    }

    @Test
    void anOlderCatchUpDoesNotMoveItBack() {
        view.caughtUp(nanos.get());
        view.caughtUp(nanos.get() - 60_000_000_000L);
        advance(Duration.ofSeconds(4));
        assertEquals(Optional.of(false), view.revoked("s1"));
    }

    @Test
    void aRevocationEndsWhenItsTokensExpireAndTheLaterEndWins() {
        view.caughtUp(nanos.get());
        view.revoke("s1", clock.instant().plusSeconds(2));
        view.revoke("s1", clock.instant().plusSeconds(1));
        view.revoke("past", clock.instant().minusSeconds(1));
        advance(Duration.ofMillis(1500));
        view.caughtUp(nanos.get());
        assertEquals(Optional.of(true), view.revoked("s1"));
        assertEquals(Optional.of(false), view.revoked("past"));
        advance(Duration.ofSeconds(1));
        view.forgetExpired();
        assertEquals(Optional.of(false), view.revoked("s1"));
    }
}
