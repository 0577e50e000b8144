package io.cognita.workspace.client;

import java.time.Instant;
import java.util.UUID;

/** What meeting-service needs to open a meeting in a workspace that workspace-service has authorized. */
public record MeetingDraft(UUID workspaceId, UUID orgId, String title, Instant scheduledFor) {
}
