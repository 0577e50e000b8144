package io.cognita.workspace.service;

import io.cognita.platform.access.Standing;

import io.cognita.workspace.domain.Visibility;
import io.cognita.workspace.domain.Workspace;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A workspace as its readers see it. */
public record WorkspaceView(UUID workspaceId, UUID orgId, String name,
                            @Schema(nullable = true) String description, Visibility visibility, String createdBy,
                            Instant createdAt, Instant updatedAt, long memberCount,
                            @Schema(nullable = true, enumeration = {"admin", "member"},
                                    description = "the caller's role here; null for an org member who only sees it")
                            String yourRole) {

    static WorkspaceView of(Workspace w, long memberCount, Standing standing) {
        return new WorkspaceView(w.id, w.orgId, w.name, w.description, w.visibility, w.createdBy,
                w.createdAt.truncatedTo(ChronoUnit.SECONDS), w.updatedAt.truncatedTo(ChronoUnit.SECONDS), memberCount,
                standing.wire());
    }
}
