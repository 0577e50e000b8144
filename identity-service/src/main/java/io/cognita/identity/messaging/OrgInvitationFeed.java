package io.cognita.identity.messaging;

import io.cognita.identity.service.PendingInvitations;
import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** org-service's invitation events → the open invitations listed in the invitee's profile. */
@ApplicationScoped
public class OrgInvitationFeed implements EventHandler {

    private final PendingInvitations pending;

    public OrgInvitationFeed(PendingInvitations pending) {
        this.pending = pending;
    }

    @Override
    public String name() {
        return "org-invitations";
    }

    @Override
    public String topic() {
        return "cognita.org";
    }

    @Override
    public Set<String> types() {
        return Set.of("org.member-invited", "org.invitation-revoked", "org.member-added", "org.deleted");
    }

    @Override
    public void handle(IncomingEvent event) {
        UUID orgId = UUID.fromString(event.orgId());
        var data = event.data();
        switch (event.type()) {
            case "org.member-invited" -> pending.put(UUID.fromString(data.path("invitationId").asText()), orgId,
                    data.path("orgName").asText(null), data.path("email").asText(), data.path("role").asText(),
                    Instant.parse(data.path("expiresAt").asText()));
            case "org.invitation-revoked" -> pending.remove(UUID.fromString(data.path("invitationId").asText()));
            case "org.member-added" -> pending.joined(orgId, data.path("userId").asText());
            case "org.deleted" -> pending.removeOrg(orgId);
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }
}
