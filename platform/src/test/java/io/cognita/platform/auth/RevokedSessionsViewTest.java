package io.cognita.platform.auth;

import io.cognita.platform.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RevokedSessionsViewTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-03T12:00:00Z"));
    private final RevokedSessionsView view = new RevokedSessionsView(Duration.ofSeconds(5), clock);

    @Test
    void saysNothingBeforeItFirstCaughtUp() {
        view.revoke("s1", clock.instant().plusSeconds(900));
        assertEquals(Optional.empty(), view.revoked("s1"));
        assertEquals(Optional.empty(), view.revoked("s2"));
    }

    @Test
    void answersWhileCurrent() {
        view.revoke("s1", clock.instant().plusSeconds(900));
        view.caughtUp(clock.instant());
        assertEquals(Optional.of(true), view.revoked("s1"));
        assertEquals(Optional.of(false), view.revoked("s2"));
    }

    @Test
    void fallsSilentOnceItHasNotCaughtUpForLongerThanItsStaleness() {
        view.caughtUp(clock.instant());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Optional.of(false), view.revoked("s1"));
        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), view.revoked("s1"));
        view.caughtUp(clock.instant().minusSeconds(1));
        assertEquals(Optional.of(false), view.revoked("s1"));
    }

    @Test
    void anOlderCatchUpDoesNotMoveItBack() {
        view.caughtUp(clock.instant());
        view.caughtUp(clock.instant().minusSeconds(60));
        clock.advance(Duration.ofSeconds(4));
        assertEquals(Optional.of(false), view.revoked("s1"));
    }

    @Test
    void aRevocationEndsWhenItsTokensExpireAndTheLaterEndWins() {
        view.caughtUp(clock.instant());
        view.revoke("s1", clock.instant().plusSeconds(2));
        view.revoke("s1", clock.instant().plusSeconds(1));
        view.revoke("past", clock.instant().minusSeconds(1));
        clock.advance(Duration.ofMillis(1500));
        view.caughtUp(clock.instant());
        assertEquals(Optional.of(true), view.revoked("s1"));
        assertEquals(Optional.of(false), view.revoked("past"));
        clock.advance(Duration.ofSeconds(1));
        view.forgetExpired();
        assertEquals(Optional.of(false), view.revoked("s1"));
    }
}
