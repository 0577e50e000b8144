package io.cognita.identity.domain;

import java.time.Instant;

/** A session (or provisioning token) id whose tokens must be refused until {@code validUntil}. */
public record Revocation(String sessionId, Instant validUntil) {
}
