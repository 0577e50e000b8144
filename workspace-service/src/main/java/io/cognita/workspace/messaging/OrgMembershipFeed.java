package io.cognita.workspace.messaging;

import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import io.cognita.workspace.service.WorkspaceMembers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** A user who leaves an org leaves its workspaces (access already ends with the org view; this removes the rows). */
@ApplicationScoped
public class OrgMembershipFeed implements EventHandler {

    private final WorkspaceMembers members;

    public OrgMembershipFeed(WorkspaceMembers members) {
        this.members = members;
    }

    @Override
    public String name() {
        return "workspace-org-members";
    }

    @Override
    public String topic() {
        return "cognita.org";
    }

    @Override
    public Set<String> types() {
        return Set.of("org.member-removed");
    }

    @Override
    public void handle(IncomingEvent event) {
        members.leftOrg(UUID.fromString(event.orgId()), event.data().path("userId").asText());
    }
}
