package io.cognita.identity.messaging;

import io.cognita.identity.service.OrgRoles;
import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** org-service's membership events → identity's org-roles read model. */
@ApplicationScoped
public class OrgMembershipFeed implements EventHandler {

    private final OrgRoles roles;

    public OrgMembershipFeed(OrgRoles roles) {
        this.roles = roles;
    }

    @Override
    public String name() {
        return "org-roles";
    }

    @Override
    public String topic() {
        return "cognita.org";
    }

    @Override
    public Set<String> types() {
        return Set.of("org.member-added", "org.member-removed", "org.deleted");
    }

    @Override
    public void handle(IncomingEvent event) {
        UUID orgId = UUID.fromString(event.orgId());
        String userId = event.data().path("userId").asText(null);
        switch (event.type()) {
            case "org.member-added" -> roles.put(orgId, userId, event.data().path("role").asText());
            case "org.member-removed" -> roles.remove(orgId, userId);
            case "org.deleted" -> roles.removeOrg(orgId);
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }
}
