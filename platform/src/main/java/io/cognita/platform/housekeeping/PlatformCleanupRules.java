package io.cognita.platform.housekeeping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import java.time.Duration;

/** What platform's own tables keep, in every service. */
@ApplicationScoped
public class PlatformCleanupRules {

    /** Longer than any topic's retention, so a redelivery still finds its event id. */
    @Produces
    @Named("inbox")
    CleanupRule inbox() {
        return new CleanupRule("inbox", 100, "inbox", "processed_at < :cutoff", Duration.ofDays(30));
    }

    /** An idempotency key answers replays for 24 hours. */
    @Produces
    @Named("idempotency-keys")
    CleanupRule idempotencyKeys() {
        return new CleanupRule("idempotency-keys", 100, "idempotency_keys", "created_at < :cutoff", Duration.ofDays(2));
    }

    /** A revoked session's tokens have all expired after valid_until. */
    @Produces
    @Named("revoked-sessions")
    CleanupRule revokedSessions() {
        return new CleanupRule("revoked-sessions", 100, "revoked_sessions", "valid_until < :cutoff", Duration.ZERO);
    }
}
