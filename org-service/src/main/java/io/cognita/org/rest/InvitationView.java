package io.cognita.org.rest;

import io.cognita.org.domain.Invitation;
import io.cognita.org.domain.OrgRole;
import io.cognita.org.service.InvitationWindow;

import java.time.Instant;
import java.util.UUID;

/** An open invitation as the API shows it, with the time it expires. */
public record InvitationView(UUID invitationId, String email, OrgRole role, String invitedBy, Instant createdAt,
                             Instant expiresAt) {

    static InvitationView of(Invitation i, InvitationWindow window) {
        return new InvitationView(i.id, i.email, i.role, i.invitedBy, i.createdAt, window.expiresAt(i));
    }
}
