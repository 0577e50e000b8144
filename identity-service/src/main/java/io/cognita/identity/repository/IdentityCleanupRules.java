package io.cognita.identity.repository;

import io.cognita.platform.housekeeping.CleanupRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** What identity's own tables keep (platform's Housekeeping removes the rest). */
@ApplicationScoped
public class IdentityCleanupRules {

    /** Five days beyond the session idle timeout: an older refresh token can no longer be used anyway. */
    @Produces
    @Named("refresh-tokens")
    CleanupRule refreshTokens(@ConfigProperty(name = "cognita.identity.session-idle-timeout", defaultValue = "30D") Duration idle) {
        return new CleanupRule("refresh-tokens", 10, "refresh_tokens", "created_at < :cutoff", idle.plusDays(5));
    }

    /** Ended or idled-out sessions stay listed for investigation this long, once their refresh tokens are gone. */
    @Produces
    @Named("sessions")
    CleanupRule sessions() {
        return new CleanupRule("sessions", 20, "sessions",
                "(revoked_at < :cutoff OR last_seen_at < :cutoff) "
                        + "AND NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.session_id = sessions.id)",
                Duration.ofDays(90));
    }

    @Produces
    @Named("one-time-tokens")
    CleanupRule oneTimeTokens() {
        return new CleanupRule("one-time-tokens", 10, "one_time_tokens", "expires_at < :cutoff", Duration.ofDays(7));
    }

    @Produces
    @Named("oidc-states")
    CleanupRule oidcStates() {
        return new CleanupRule("oidc-states", 10, "oidc_states", "expires_at < :cutoff", Duration.ofDays(1));
    }

    @Produces
    @Named("pending-invitations")
    CleanupRule pendingInvitations() {
        return new CleanupRule("pending-invitations", 10, "pending_invitations", "expires_at < :cutoff", Duration.ofDays(1));
    }

    /** Kept a day beyond the hold, so a hold never ends early. */
    @Produces
    @Named("login-failures")
    CleanupRule loginFailures(@ConfigProperty(name = "cognita.identity.lockout.duration", defaultValue = "15M") Duration hold) {
        return new CleanupRule("login-failures", 10, "login_failures", "updated_at < :cutoff", hold.plusDays(1));
    }
}
