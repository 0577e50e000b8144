package io.cognita.org.service;

import io.cognita.org.domain.Invitation;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long an invitation stays open ({@code cognita.org.invitation-ttl}): until then it holds a seat and is
 * accepted when the address is verified; after, it frees the seat and the janitor removes it.
 */
@ApplicationScoped
public class InvitationWindow {

    private final Clock clock;
    private final Duration ttl;

    public InvitationWindow(Clock clock, @ConfigProperty(name = "cognita.org.invitation-ttl") Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public Instant expiresAt(Invitation invitation) {
        return invitation.createdAt.plus(ttl);
    }

    /** Invitations created before this have expired. */
    public Instant oldestOpen() {
        return clock.instant().minus(ttl);
    }
}
