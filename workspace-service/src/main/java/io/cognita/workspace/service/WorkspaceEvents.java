package io.cognita.workspace.service;

import io.cognita.platform.outbox.Outbox;
import io.cognita.workspace.domain.Visibility;
import io.cognita.workspace.domain.Workspace;
import io.cognita.workspace.domain.WorkspaceMember;
import io.cognita.workspace.domain.WorkspaceRole;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** workspace-service's events (asyncapi.yaml), written to the outbox in the transaction of the change. */
@ApplicationScoped
public class WorkspaceEvents {

    public record WorkspaceChanged(UUID workspaceId, UUID orgId, String name, Visibility visibility, String createdBy) {
    }

    public record WorkspaceDeleted(UUID workspaceId, UUID orgId) {
    }

    public record MemberChanged(UUID workspaceId, UUID orgId, String userId, WorkspaceRole role) {
    }

    private final Outbox outbox;

    public WorkspaceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void created(Workspace w) {
        outbox.record("workspace.created", w.orgId.toString(), subject(w.id), changed(w));
    }

    void updated(Workspace w) {
        outbox.record("workspace.updated", w.orgId.toString(), subject(w.id), changed(w));
    }

    void deleted(Workspace w) {
        outbox.record("workspace.deleted", w.orgId.toString(), subject(w.id), new WorkspaceDeleted(w.id, w.orgId));
    }

    void memberAdded(UUID orgId, WorkspaceMember m) {
        outbox.record("workspace.member-added", orgId.toString(), subject(m.workspaceId) + "/member/" + m.userId,
                new MemberChanged(m.workspaceId, orgId, m.userId, m.role));
    }

    void memberRemoved(UUID orgId, WorkspaceMember m) {
        outbox.record("workspace.member-removed", orgId.toString(), subject(m.workspaceId) + "/member/" + m.userId,
                new MemberChanged(m.workspaceId, orgId, m.userId, m.role));
    }

    private static WorkspaceChanged changed(Workspace w) {
        return new WorkspaceChanged(w.id, w.orgId, w.name, w.visibility, w.createdBy);
    }

    private static String subject(UUID workspaceId) {
        return "workspace/" + workspaceId;
    }
}
