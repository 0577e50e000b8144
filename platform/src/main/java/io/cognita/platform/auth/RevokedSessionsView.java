package io.cognita.platform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * This replica's in-memory copy of the sessions that ended, fed by {@link RevokedSessionsTail} from identity's
 * session.revoked events (and from the revoked_sessions table), so the check on every request needs no database
 * round trip. It answers only while it is current: it has read every event that was on the topic at most
 * {@code cognita.revoked-sessions.stale-after} ago (the tail re-checks each second; measured on the monotonic clock,
 * so a wall clock stepped back cannot make it look current). Before its first catch-up and whenever it falls
 * behind (broker unreachable, a stuck tail) it answers nothing and {@link RevokedSessions} asks the database.
 */
@ApplicationScoped
public class RevokedSessionsView {

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final long staleAfterNanos;
    private final Clock clock;
    private final LongSupplier nanos;
    private final long createdAt;
    private volatile long currentAsOf;
    private volatile boolean caughtUpOnce;

    @Inject
    public RevokedSessionsView(@ConfigProperty(name = "cognita.revoked-sessions.stale-after", defaultValue = "5s") Duration staleAfter) {
        this(staleAfter, Clock.systemUTC(), System::nanoTime);
    }

    RevokedSessionsView(Duration staleAfter, Clock clock, LongSupplier nanos) {
        this.staleAfterNanos = staleAfter.toNanos();
        this.clock = clock;
        this.nanos = nanos;
        this.createdAt = nanos.getAsLong();
    }

    /** Tokens of {@code sessionId} are refused until {@code until} (the later one wins). */
    void revoke(String sessionId, Instant until) {
        if (until.isAfter(clock.instant())) {
            revoked.merge(sessionId, until, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Every event on the topic when {@code asOfNanos} (System.nanoTime) came has been applied. */
    void caughtUp(long asOfNanos) {
        if (!caughtUpOnce || asOfNanos - currentAsOf > 0) {
            currentAsOf = asOfNanos;
            caughtUpOnce = true;
        }
    }

    /** Forgets revocations whose tokens have all expired. */
    void forgetExpired() {
        Instant now = clock.instant();
        revoked.values().removeIf(until -> !until.isAfter(now));
    }

    /** Whether the view may answer now. */
    public boolean current() {
        return caughtUpOnce && nanos.getAsLong() - currentAsOf <= staleAfterNanos;
    }

    /** Seconds since the view was last current (since it was made, before its first catch-up): for alerting. */
    public double ageSeconds() {
        return (nanos.getAsLong() - (caughtUpOnce ? currentAsOf : createdAt)) / 1e9;
    }

    /** Whether tokens of {@code sessionId} are refused; empty when the view is not current and cannot say. */
    public Optional<Boolean> revoked(String sessionId) {
        if (!current()) {
            return Optional.empty();
        }
        Instant until = revoked.get(sessionId);
        return Optional.of(until != null && until.isAfter(clock.instant()));
    }
}
