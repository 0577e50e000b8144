package io.cognita.identity.domain;

import java.time.Instant;
import java.util.UUID;

/** An open invitation of the user's address into an org, as identity learns it from org-service's events. */
public record PendingInvitation(UUID invitationId, UUID orgId, String orgName, String role, Instant expiresAt) {
}
