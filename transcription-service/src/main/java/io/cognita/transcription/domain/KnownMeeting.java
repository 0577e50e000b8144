package io.cognita.transcription.domain;

import java.util.UUID;

/** A meeting as meeting-service's events told this service of it. */
public record KnownMeeting(UUID meetingId, UUID workspaceId, UUID orgId, String hostUserId, String status) {

    public boolean isLive() {
        return "live".equals(status);
    }
}
