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

/**
 * This replica's in-memory copy of the sessions that ended, fed by {@link RevokedSessionsTail} from identity's
 * session.revoked events, so the check on every request needs no database round trip. It answers only while it is
 * current: it has read every event that was on the topic at most {@code cognita.revoked-sessions.stale-after} ago
 * (the tail re-checks each second). Before its first catch-up and whenever it falls behind (broker unreachable, a
 * stuck tail) it answers nothing and {@link RevokedSessions} asks the database, as it did before the view.
 */
@ApplicationScoped
public class RevokedSessionsView {

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Duration staleAfter;
    private final Clock clock;
    private volatile Instant currentAsOf;

    @Inject
    public RevokedSessionsView(@ConfigProperty(name = "cognita.revoked-sessions.stale-after", defaultValue = "5s") Duration staleAfter) {
        this(staleAfter, Clock.systemUTC());
    }

    RevokedSessionsView(Duration staleAfter, Clock clock) {
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** Tokens of {@code sessionId} are refused until {@code until} (the later one wins). */
    void revoke(String sessionId, Instant until) {
        if (until.isAfter(clock.instant())) {
            revoked.merge(sessionId, until, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Every event on the topic when {@code asOf} came has been applied. */
    void caughtUp(Instant asOf) {
        Instant known = currentAsOf;
        if (known == null || asOf.isAfter(known)) {
            currentAsOf = asOf;
        }
    }

    /** Forgets revocations whose tokens have all expired. */
    void forgetExpired() {
        Instant now = clock.instant();
        revoked.values().removeIf(until -> !until.isAfter(now));
    }

    /** Whether the view may answer now. */
    public boolean current() {
        Instant asOf = currentAsOf;
        return asOf != null && !asOf.isBefore(clock.instant().minus(staleAfter));
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
