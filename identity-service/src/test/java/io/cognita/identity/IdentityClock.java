package io.cognita.identity;

import io.cognita.platform.testing.TestClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** identity-service's clock in tests: real time until a test moves it (lockout and token expiry). */
@Singleton
public class IdentityClock {

    public static final TestClock CLOCK = new TestClock(Instant.now());

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
