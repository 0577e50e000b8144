package io.cognita.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.workspace.service.MemberView;
import io.cognita.workspace.service.WorkspaceView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The success envelopes of the operations that answer a Response, named for the OpenAPI document. */
final class Envelopes {

    private Envelopes() {
    }

    @Schema(name = "WorkspaceEnvelope")
    record WorkspaceEnvelope(String status, String message, WorkspaceView data) {
    }

    @Schema(name = "WorkspaceMemberEnvelope")
    record MemberEnvelope(String status, String message, MemberView data) {
    }

    @Schema(name = "StartedMeetingEnvelope")
    record StartedMeetingEnvelope(String status, String message,
                                  @Schema(description = "the meeting as meeting-service describes it (MeetingView)") JsonNode data) {
    }
}
