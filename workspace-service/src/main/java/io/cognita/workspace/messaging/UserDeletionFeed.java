package io.cognita.workspace.messaging;

import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import io.cognita.workspace.service.WorkspaceMembers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** user.deleted: the user's workspace memberships go. */
@ApplicationScoped
public class UserDeletionFeed implements EventHandler {

    private final WorkspaceMembers members;

    public UserDeletionFeed(WorkspaceMembers members) {
        this.members = members;
    }

    @Override
    public String name() {
        return "workspace-users";
    }

    @Override
    public String topic() {
        return "cognita.identity";
    }

    @Override
    public Set<String> types() {
        return Set.of("user.deleted");
    }

    @Override
    public void handle(IncomingEvent event) {
        members.userDeleted(event.data().path("userId").asText());
    }
}
