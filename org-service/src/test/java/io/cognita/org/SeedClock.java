package io.cognita.org;

import io.cognita.platform.testing.TestClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** The tests run at the seed page's moment, 2025-10-22T14:30:00Z, so its dates can be compared exactly. */
@Singleton
public class SeedClock {

    public static final Instant SEED_NOW = Instant.parse("2025-10-22T14:30:00Z");
    public static final TestClock CLOCK = new TestClock(SEED_NOW);

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
