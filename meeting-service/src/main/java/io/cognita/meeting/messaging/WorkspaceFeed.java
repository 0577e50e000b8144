package io.cognita.meeting.messaging;

import io.cognita.meeting.service.WorkspaceEffects;
import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** workspace-service's events → meeting-service's view of workspaces and members (and deletions of meetings). */
@ApplicationScoped
public class WorkspaceFeed implements EventHandler {

    private final WorkspaceEffects effects;

    public WorkspaceFeed(WorkspaceEffects effects) {
        this.effects = effects;
    }

    @Override
    public String name() {
        return "meeting-workspaces";
    }

    @Override
    public String topic() {
        return "cognita.workspace";
    }

    @Override
    public Set<String> types() {
        return Set.of("workspace.created", "workspace.updated", "workspace.deleted", "workspace.member-added",
                "workspace.member-removed");
    }

    @Override
    public void handle(IncomingEvent event) {
        var data = event.data();
        UUID workspaceId = UUID.fromString(data.path("workspaceId").asText());
        switch (event.type()) {
            case "workspace.created", "workspace.updated" ->
                    effects.workspace(workspaceId, UUID.fromString(data.path("orgId").asText()), data.path("visibility").asText());
            case "workspace.deleted" -> effects.workspaceDeleted(workspaceId);
            case "workspace.member-added" -> effects.member(workspaceId, data.path("userId").asText(), data.path("role").asText());
            case "workspace.member-removed" -> effects.memberRemoved(workspaceId, data.path("userId").asText());
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }

    /** One event per transaction: it deletes recordings from object storage. */
    @Override
    public boolean handlesTogether() {
        return false;
    }
}
