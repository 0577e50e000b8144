package io.cognita.meeting.rest;

import io.cognita.meeting.service.UploadRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The bodies meeting-service accepts (unknown fields are refused, as everywhere). */
final class MeetingRequests {

    private MeetingRequests() {
    }

    /** From workspace-service, which authorized the caller for the workspace. */
    record Open(@NotNull UUID workspaceId, @NotNull UUID orgId, @NotBlank @Size(max = 200) String title,
                Instant scheduledFor) {
    }

    record Join(@Schema(nullable = true, description = "the participant's answer to being recorded; null: not answered")
                Boolean recordingConsent) {
    }

    record UploadInit(@NotBlank @Size(max = 255) String fileName, @NotBlank @Size(max = 100) String contentType,
                      @NotNull Long sizeBytes, @NotBlank String sha256) {
        UploadRequest toRequest() {
            return new UploadRequest(fileName, contentType, sizeBytes, sha256);
        }
    }
}
