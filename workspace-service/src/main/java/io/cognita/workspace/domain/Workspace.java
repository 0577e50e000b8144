package io.cognita.workspace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "workspaces")
public class Workspace {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false)
    public UUID orgId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public static Workspace create(UUID orgId, String name, String description, Visibility visibility, String createdBy,
                                   Instant now) {
        Workspace w = new Workspace();
        w.id = UUID.randomUUID();
        w.orgId = orgId;
        w.name = name;
        w.description = description;
        w.visibility = visibility;
        w.createdBy = createdBy;
        w.createdAt = now;
        w.updatedAt = now;
        return w;
    }
}
