package io.cognita.workspace.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.auth.OpaqueTokens;
import io.cognita.platform.request.RequestId;
import io.cognita.workspace.client.MeetingDraft;
import io.cognita.workspace.client.MeetingService;
import io.cognita.workspace.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Starts a meeting in a workspace: authorized here, created by meeting-service. No transaction is held during
 * the call. Without a client Idempotency-Key one is made for this request, so that the client's own retry
 * policy aside, the call's internal retry still cannot create two meetings.
 */
@ApplicationScoped
public class MeetingStarter {

    private final WorkspaceService workspaces;
    private final WorkspaceAccess access;
    private final MeetingService meetings;

    public MeetingStarter(WorkspaceService workspaces, WorkspaceAccess access, MeetingService meetings) {
        this.workspaces = workspaces;
        this.access = access;
        this.meetings = meetings;
    }

    public JsonNode start(UUID workspaceId, String title, Instant scheduledFor, String authorization, String idempotencyKey) {
        Workspace w = authorize(workspaceId);
        String key = idempotencyKey != null ? idempotencyKey : "ws-" + OpaqueTokens.newToken();
        return meetings.start(authorization, RequestId.current(), key, new MeetingDraft(w.id, w.orgId, title, scheduledFor));
    }

    @Transactional
    Workspace authorize(UUID workspaceId) {
        Workspace w = workspaces.find(workspaceId);
        access.requireMember(w, "meeting:write");
        return w;
    }
}
