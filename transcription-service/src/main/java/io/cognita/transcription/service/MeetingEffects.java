package io.cognita.transcription.service;

import io.cognita.transcription.domain.Transcript;
import io.cognita.transcription.repository.JobRepository;
import io.cognita.transcription.repository.MeetingDirectory;
import io.cognita.transcription.repository.TranscriptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** What meeting-service's and workspace-service's events change here (each in the consumer's transaction). */
@ApplicationScoped
public class MeetingEffects {

    private final MeetingDirectory meetings;
    private final TranscriptRepository transcripts;
    private final JobRepository jobs;
    private final TranscriptionEvents events;
    private final Event<LiveHub.MeetingEnded> ended;
    private final LiveTranscription live;
    private final Clock clock;

    public MeetingEffects(MeetingDirectory meetings, TranscriptRepository transcripts, JobRepository jobs, TranscriptionEvents events,
                          Event<LiveHub.MeetingEnded> ended, LiveTranscription live, Clock clock) {
        this.meetings = meetings;
        this.transcripts = transcripts;
        this.jobs = jobs;
        this.events = events;
        this.ended = ended;
        this.live = live;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void started(UUID meetingId, UUID workspaceId, UUID orgId, String host) {
        meetings.upsert(meetingId, workspaceId, orgId, host, "live");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void joined(UUID meetingId, UUID workspaceId, UUID orgId, String userId) {
        meetings.upsert(meetingId, workspaceId, orgId, null, "live");
        meetings.participant(meetingId, userId);
    }

    /** The meeting ended: its live transcript completes (transcript.completed) and its sockets close after commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(UUID meetingId, UUID workspaceId, UUID orgId, String host) {
        meetings.upsert(meetingId, workspaceId, orgId, host, "ended");
        transcripts.liveOf(meetingId).filter(t -> "live".equals(t.status())).ifPresent(t -> {
            transcripts.status(t.id(), "completed", null, clock.instant());
            Transcript done = transcripts.find(t.id()).orElseThrow();
            events.transcriptCompleted(done, "completed", null, done.durationMs(), done.segmentCount());
        });
        ended.fire(new LiveHub.MeetingEnded(meetingId));
    }

    /** A recording to transcribe: its transcript (pending) and job, once per recording. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordingUploaded(UUID recordingId, UUID meetingId, UUID workspaceId, UUID orgId, String readPath, String contentType,
                                  long sizeBytes, String sha256) {
        UUID transcriptId = UUID.randomUUID();
        if (transcripts.createForRecording(transcriptId, meetingId, workspaceId, orgId, recordingId, live.language(), clock.instant())) {
            jobs.create(recordingId, transcriptId, readPath, contentType, sizeBytes, sha256, clock.instant());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void workspaceDeleted(UUID workspaceId) {
        transcripts.deleteOfWorkspace(workspaceId);
        meetings.forgetWorkspace(workspaceId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void userDeleted(String userId) {
        transcripts.anonymiseSpeaker(userId);
    }
}
