package io.cognita.meeting.service;

import io.cognita.meeting.domain.Meeting;
import io.cognita.meeting.domain.Recording;
import io.cognita.meeting.domain.RecordingStore;
import io.cognita.meeting.repository.UploadRepository;
import io.cognita.platform.access.Standing;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.InputStream;
import java.util.UUID;

/** Reads a stored recording for a member of its meeting's workspace (the host, workspace and org admins). */
@ApplicationScoped
public class RecordingReader {

    public record Content(InputStream body, String contentType, long sizeBytes, String sha256) {
    }

    private final UploadRepository uploads;
    private final MeetingService meetings;
    private final MeetingAccess access;
    private final RecordingStore store;

    public RecordingReader(UploadRepository uploads, MeetingService meetings, MeetingAccess access, RecordingStore store) {
        this.uploads = uploads;
        this.meetings = meetings;
        this.access = access;
        this.store = store;
    }

    /** The recording for a user, who must be a member of the meeting's workspace. */
    public Content open(UUID recordingId) {
        Recording r = authorized(recordingId);
        return new Content(store.open(r.location), r.contentType, r.sizeBytes, r.sha256);
    }

    /**
     * The recording for one of the suite's own services calling without a user (transcription-service's worker):
     * the internal token, checked before any resource, is its authority.
     */
    public Content openForService(UUID recordingId) {
        Recording r = stored(recordingId);
        return new Content(store.open(r.location), r.contentType, r.sizeBytes, r.sha256);
    }

    @Transactional
    Recording stored(UUID recordingId) {
        return uploads.recording(recordingId).orElseThrow(() -> notFound(recordingId));
    }

    @Transactional
    Recording authorized(UUID recordingId) {
        access.actor();
        Recording r = uploads.recording(recordingId).orElseThrow(() -> notFound(recordingId));
        Meeting m = meetings.find(r.meetingId);
        Standing standing;
        try {
            standing = access.requireVisible(m);
        } catch (ProblemException e) {
            throw e.status() == 404 ? notFound(recordingId) : e;
        }
        if (!standing.atLeast(Standing.MEMBER)) {
            throw ProblemException.forbidden("Only members of the meeting's workspace may read its recordings.");
        }
        return r;
    }

    private static ProblemException notFound(UUID recordingId) {
        return ProblemException.notFound("RECORDING_NOT_FOUND", "Recording not found", "No recording " + recordingId + " is visible to the caller.");
    }
}
