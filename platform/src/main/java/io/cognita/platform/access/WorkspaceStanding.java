package io.cognita.platform.access;

import io.cognita.platform.auth.Caller;
import io.cognita.platform.workspaceview.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The caller's standing in a workspace, from the service's event-fed views: what the org decides first
 * ({@link OrgStanding}), then the caller's workspace role, then the workspace's visibility (every org member sees an
 * {@code org} workspace). Empty when this service has not heard of the workspace and the org leaves it open.
 */
@ApplicationScoped
public class WorkspaceStanding {

    private final Caller caller;
    private final OrgStanding orgStanding;
    private final WorkspaceDirectory workspaces;

    public WorkspaceStanding(Caller caller, OrgStanding orgStanding, WorkspaceDirectory workspaces) {
        this.caller = caller;
        this.orgStanding = orgStanding;
        this.workspaces = workspaces;
    }

    public Optional<Standing> of(UUID workspaceId, UUID orgId) {
        return of(workspaceId, orgId, caller.id(), caller.isSystemAdmin());
    }

    /** The same for a user other than the request's caller (a WebSocket session's, say). */
    public Optional<Standing> of(UUID workspaceId, UUID orgId, String userId, boolean systemAdmin) {
        Optional<Standing> decided = orgStanding.of(orgId, userId, systemAdmin);
        if (decided.isPresent()) {
            return decided;
        }
        Optional<String> role = workspaces.role(workspaceId, userId);
        if (role.isPresent()) {
            return Optional.of("admin".equals(role.get()) ? Standing.ADMIN : Standing.MEMBER);
        }
        return workspaces.workspace(workspaceId)
                .map(w -> "org".equals(w.visibility()) ? Standing.VIEWER : Standing.NONE);
    }
}
