package io.cognita.transcription.messaging;

import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import io.cognita.transcription.service.MeetingEffects;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** A deleted workspace takes its meetings' transcripts with it. */
@ApplicationScoped
public class DeletionFeed implements EventHandler {

    private final MeetingEffects effects;

    public DeletionFeed(MeetingEffects effects) {
        this.effects = effects;
    }

    @Override
    public String name() {
        return "transcription-workspace-deletions";
    }

    @Override
    public String topic() {
        return "cognita.workspace";
    }

    @Override
    public Set<String> types() {
        return Set.of("workspace.deleted");
    }

    @Override
    public void handle(IncomingEvent event) {
        effects.workspaceDeleted(UUID.fromString(event.data().path("workspaceId").asText()));
    }
}
