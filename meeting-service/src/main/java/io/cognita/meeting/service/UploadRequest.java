package io.cognita.meeting.service;

/** A recording about to be uploaded, as declared by the client (validated by {@link RecordingUploads}). */
public record UploadRequest(String fileName, String contentType, long sizeBytes, String sha256) {
}
