package io.cognita.workspace.rest;

import io.cognita.workspace.domain.Visibility;
import io.cognita.workspace.domain.WorkspaceRole;
import io.cognita.workspace.service.WorkspaceDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The bodies workspace-service accepts (unknown fields are refused, as everywhere). */
final class WorkspaceRequests {

    private static final String NOT_BLANK = ".*\\S.*";

    private WorkspaceRequests() {
    }

    record Create(@NotBlank @Size(max = 200) String name,
                  @Schema(nullable = true) @Size(max = 2000) String description,
                  @Schema(nullable = true, description = "default org") Visibility visibility) {
        WorkspaceDraft toDraft() {
            return new WorkspaceDraft(name.strip(), description, visibility);
        }
    }

    /** JSON merge patch: fields left out (or null) stay; an empty description clears it. */
    record Update(@Schema(nullable = true) @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
                  @Schema(nullable = true) @Size(max = 2000) String description,
                  @Schema(nullable = true) Visibility visibility) {
        WorkspaceDraft toDraft() {
            return new WorkspaceDraft(name == null ? null : name.strip(), description, visibility);
        }
    }

    record AddMember(@NotBlank @Size(max = 100) String userId,
                     @Schema(nullable = true, description = "default member") WorkspaceRole role) {
        WorkspaceRole roleOrDefault() {
            return role == null ? WorkspaceRole.MEMBER : role;
        }
    }

    record StartMeeting(@NotBlank @Size(max = 200) String title,
                        @Schema(nullable = true, description = "when the meeting is planned; omitted: now") Instant scheduledFor) {
    }

}
