package io.cognita.meeting.messaging;

import io.cognita.meeting.service.WorkspaceEffects;
import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** transcription-service's transcript.completed → the meeting's transcript state. */
@ApplicationScoped
public class TranscriptFeed implements EventHandler {

    private final WorkspaceEffects effects;

    public TranscriptFeed(WorkspaceEffects effects) {
        this.effects = effects;
    }

    @Override
    public String name() {
        return "meeting-transcripts";
    }

    @Override
    public String topic() {
        return "cognita.transcription";
    }

    @Override
    public Set<String> types() {
        return Set.of("transcript.completed");
    }

    @Override
    public void handle(IncomingEvent event) {
        String meetingId = event.data().path("meetingId").asText(null);
        if (meetingId != null) {
            effects.transcriptState(UUID.fromString(meetingId), event.data().path("status").asText("available"));
        }
    }
}
