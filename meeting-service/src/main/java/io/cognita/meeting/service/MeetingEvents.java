package io.cognita.meeting.service;

import io.cognita.meeting.domain.Meeting;
import io.cognita.meeting.domain.MeetingStatus;
import io.cognita.meeting.domain.Participant;
import io.cognita.meeting.domain.ParticipantRole;
import io.cognita.meeting.domain.Recording;
import io.cognita.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** meeting-service's events (asyncapi.yaml), written to the outbox in the transaction of the change. */
@ApplicationScoped
public class MeetingEvents {

    public record MeetingChanged(UUID meetingId, UUID workspaceId, UUID orgId, String title, MeetingStatus status,
                                 String hostUserId, Instant startedAt, Instant endedAt) {
    }

    public record ParticipantJoined(UUID meetingId, UUID workspaceId, UUID orgId, String userId, ParticipantRole role,
                                    Boolean recordingConsent, Instant joinedAt) {
    }

    public record RecordingUploaded(UUID recordingId, UUID meetingId, UUID workspaceId, UUID orgId, String fileName,
                                    String contentType, long sizeBytes, String sha256, String store, String location,
                                    String readPath) {
    }

    private final Outbox outbox;

    public MeetingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void started(Meeting m) {
        outbox.record("meeting.started", m.orgId.toString(), subject(m), changed(m));
    }

    void ended(Meeting m) {
        outbox.record("meeting.ended", m.orgId.toString(), subject(m), changed(m));
    }

    void participantJoined(Meeting m, Participant p) {
        outbox.record("meeting.participant-joined", m.orgId.toString(), subject(m) + "/participant/" + p.userId,
                new ParticipantJoined(m.id, m.workspaceId, m.orgId, p.userId, p.role, p.recordingConsent, p.joinedAt));
    }

    void recordingUploaded(Meeting m, Recording r, String store) {
        outbox.record("recording.uploaded", m.orgId.toString(), subject(m) + "/recording/" + r.id,
                new RecordingUploaded(r.id, m.id, m.workspaceId, m.orgId, r.fileName, r.contentType, r.sizeBytes, r.sha256,
                        store, r.location, "/api/internal/recordings/" + r.id + "/content"));
    }

    private static MeetingChanged changed(Meeting m) {
        return new MeetingChanged(m.id, m.workspaceId, m.orgId, m.title, m.status, m.hostUserId, m.startedAt, m.endedAt);
    }

    private static String subject(Meeting m) {
        return "meeting/" + m.id;
    }
}
