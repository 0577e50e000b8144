package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sign-in attempts per account and client address, in fixed windows (in memory, per replica). */
@ApplicationScoped
public class LoginThrottle {

    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private final IdentityConfig config;
    private final Clock clock;

    public LoginThrottle(IdentityConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Counts an attempt; 429 with Retry-After beyond the limit. */
    public void attempt(String email, String address) {
        long now = clock.millis();
        long window = config.lockout().window().toMillis();
        long start = now - Math.floorMod(now, window);
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w[0] < start);
        }
        long[] counter = windows.compute(email + "|" + address,
                (k, w) -> w == null || w[0] != start ? new long[]{start, 1} : new long[]{start, w[1] + 1});
        if (counter[1] > config.lockout().attemptsPerWindow()) {
            long retryAfter = Math.max(1, (start + window - now + 999) / 1000);
            throw new ProblemException(429, "TOO_MANY_LOGIN_ATTEMPTS", "Too many sign-in attempts",
                    "Too many sign-in attempts for this account from this address; retry later.", null,
                    Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }
}
