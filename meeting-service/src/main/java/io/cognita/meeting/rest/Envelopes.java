package io.cognita.meeting.rest;

import io.cognita.meeting.service.MeetingView;
import io.cognita.meeting.service.UploadView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The success envelopes of the operations that answer a Response, named for the OpenAPI document. */
final class Envelopes {

    private Envelopes() {
    }

    @Schema(name = "MeetingEnvelope")
    record MeetingEnvelope(String status, String message, MeetingView data) {
    }

    @Schema(name = "UploadEnvelope")
    record UploadEnvelope(String status, String message, UploadView data) {
    }
}
