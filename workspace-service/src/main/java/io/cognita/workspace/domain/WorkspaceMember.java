package io.cognita.workspace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "workspace_members")
@IdClass(WorkspaceMember.Key.class)
public class WorkspaceMember {

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WorkspaceRole role;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    public static WorkspaceMember of(UUID workspaceId, String userId, WorkspaceRole role, String addedBy, Instant now) {
        WorkspaceMember m = new WorkspaceMember();
        m.workspaceId = workspaceId;
        m.userId = userId;
        m.role = role;
        m.addedBy = addedBy;
        m.addedAt = now;
        return m;
    }

    public record Key(UUID workspaceId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
