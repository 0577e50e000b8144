package io.cognita.platform.workspaceview;

import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** workspace-service's events → the {@link WorkspaceDirectory}, where {@code cognita.workspace-view.enabled=true}. */
@ApplicationScoped
@LookupIfProperty(name = "cognita.workspace-view.enabled", stringValue = "true")
public class WorkspaceViewFeed implements EventHandler {

    private final WorkspaceDirectory workspaces;

    public WorkspaceViewFeed(WorkspaceDirectory workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public String name() {
        return "workspace-view";
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
                    workspaces.upsertWorkspace(workspaceId, UUID.fromString(data.path("orgId").asText()), data.path("visibility").asText());
            case "workspace.deleted" -> workspaces.removeWorkspace(workspaceId);
            case "workspace.member-added" -> workspaces.upsertMember(workspaceId, data.path("userId").asText(), data.path("role").asText());
            case "workspace.member-removed" -> workspaces.removeMember(workspaceId, data.path("userId").asText());
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }
}
