package io.cognita.identity.domain;

import java.util.UUID;

/** A user's role in an org, as identity knows it from org-service's events. */
public record OrgMembership(UUID orgId, String role) {
}
