package io.cognita.meeting.service;

import io.cognita.meeting.domain.Meeting;
import io.cognita.meeting.domain.MeetingStatus;
import io.cognita.meeting.domain.Participant;
import io.cognita.meeting.domain.ParticipantRole;
import io.cognita.meeting.domain.Recording;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** A meeting with its participants, recording and transcript state, and where to follow it live. */
public record MeetingView(UUID meetingId, UUID workspaceId, UUID orgId, String title, MeetingStatus status,
                          @Schema(nullable = true) Instant scheduledFor, @Schema(nullable = true) Instant startedAt,
                          @Schema(nullable = true) Instant endedAt, String hostUserId, Instant createdAt,
                          List<ParticipantView> participants, RecordingState recording,
                          @Schema(enumeration = {"none", "processing", "available", "failed"}) String transcriptState,
                          @Schema(nullable = true, description = "the live-transcription WebSocket while the meeting is live")
                          String liveTranscriptionUrl) {

    public record ParticipantView(String userId, ParticipantRole role, Instant joinedAt,
                                  @Schema(nullable = true) Instant leftAt,
                                  @Schema(nullable = true, description = "true, false, or null when not answered")
                                  Boolean recordingConsent) {
        static ParticipantView of(Participant p) {
            return new ParticipantView(p.userId, p.role, p.joinedAt, p.leftAt, p.recordingConsent);
        }
    }

    public record RecordingState(@Schema(enumeration = {"none", "uploading", "available"}) String state,
                                 List<RecordingView> recordings) {
    }

    public record RecordingView(UUID recordingId, String fileName, String contentType, long sizeBytes, String sha256,
                                Instant createdAt) {
        static RecordingView of(Recording r) {
            return new RecordingView(r.id, r.fileName, r.contentType, r.sizeBytes, r.sha256, r.createdAt);
        }
    }

    static MeetingView of(Meeting m, List<Participant> participants, List<Recording> recordings, boolean uploading,
                          String liveUrlPrefix) {
        String state = !recordings.isEmpty() ? "available" : uploading ? "uploading" : "none";
        return new MeetingView(m.id, m.workspaceId, m.orgId, m.title, m.status, m.scheduledFor, m.startedAt, m.endedAt,
                m.hostUserId, m.createdAt.truncatedTo(ChronoUnit.SECONDS), participants.stream().map(ParticipantView::of).toList(),
                new RecordingState(state, recordings.stream().map(RecordingView::of).toList()), m.transcriptState,
                m.status == MeetingStatus.ENDED ? null : liveUrlPrefix + m.id);
    }
}
