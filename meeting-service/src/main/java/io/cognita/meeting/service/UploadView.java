package io.cognita.meeting.service;

import io.cognita.meeting.domain.Upload;
import io.cognita.meeting.domain.UploadPart;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** A recording upload: how to send it, and which parts have arrived (to resume after a dropped connection). */
public record UploadView(UUID uploadId, UUID meetingId, String fileName, String contentType, long sizeBytes, String sha256,
                         long partSize, int partCount,
                         @Schema(description = "PUT each part (1..partCount) as application/octet-stream to its URL")
                         List<String> partUrls,
                         @Schema(enumeration = {"open", "completing", "completed"}) String status,
                         Instant expiresAt, List<PartView> partsReceived,
                         @Schema(nullable = true, description = "the recording, once completed") UUID recordingId) {

    public record PartView(int partNumber, long sizeBytes, String sha256, Instant receivedAt) {
    }

    static UploadView of(Upload u, List<UploadPart> parts, UUID recordingId) {
        String base = "/api/meetings/" + u.meetingId + "/recordings/" + u.id + "/parts/";
        return new UploadView(u.id, u.meetingId, u.fileName, u.contentType, u.sizeBytes, u.sha256, u.partSize, u.partCount,
                IntStream.rangeClosed(1, u.partCount).mapToObj(n -> base + n).toList(), u.status.toLowerCase(), u.expiresAt,
                parts.stream().map(p -> new PartView(p.partNumber, p.sizeBytes, p.sha256, p.receivedAt)).toList(), recordingId);
    }
}
