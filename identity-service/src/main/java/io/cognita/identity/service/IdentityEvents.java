package io.cognita.identity.service;

import java.time.Instant;

/** The events identity-service publishes on cognita.identity (see asyncapi.yaml). */
public final class IdentityEvents {

    public static final String USER_REGISTERED = "user.registered";
    public static final String USER_EMAIL_VERIFIED = "user.email-verified";
    public static final String SESSION_REVOKED = "session.revoked";
    public static final String USER_DELETED = "user.deleted";

    private IdentityEvents() {
    }

    public record UserRegistered(String userId, String email, String displayName, String locale, String timezone) {
    }

    public record UserEmailVerified(String userId, String email) {
    }

    public record UserDeleted(String userId) {
    }

    /** {@code accessValidUntil}: after it, no access token of this session is valid anyway. */
    public record SessionRevoked(String sessionId, String userId, String reason, Instant accessValidUntil) {
    }
}
