package io.cognita.transcription.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import io.cognita.transcription.service.MeetingEffects;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** meeting-service's events → this service's view of meetings, live transcripts ending, recordings to transcribe. */
@ApplicationScoped
public class MeetingFeed implements EventHandler {

    private final MeetingEffects effects;

    public MeetingFeed(MeetingEffects effects) {
        this.effects = effects;
    }

    @Override
    public String name() {
        return "transcription-meetings";
    }

    @Override
    public String topic() {
        return "cognita.meeting";
    }

    @Override
    public Set<String> types() {
        return Set.of("meeting.started", "meeting.participant-joined", "meeting.ended", "recording.uploaded");
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode data = event.data();
        UUID meetingId = uuid(data, "meetingId");
        UUID workspaceId = uuid(data, "workspaceId");
        UUID orgId = uuid(data, "orgId");
        switch (event.type()) {
            case "meeting.started" -> effects.started(meetingId, workspaceId, orgId, data.path("hostUserId").asText(null));
            case "meeting.participant-joined" -> effects.joined(meetingId, workspaceId, orgId, required(data, "userId"));
            case "meeting.ended" -> effects.ended(meetingId, workspaceId, orgId, data.path("hostUserId").asText(null));
            case "recording.uploaded" -> effects.recordingUploaded(uuid(data, "recordingId"), meetingId, workspaceId, orgId,
                    required(data, "readPath"), required(data, "contentType"), data.path("sizeBytes").asLong(),
                    data.path("sha256").asText(null));
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }

    private static UUID uuid(JsonNode data, String field) {
        return UUID.fromString(required(data, field));
    }

    private static String required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("event without " + field);
        }
        return value.asText();
    }
}
