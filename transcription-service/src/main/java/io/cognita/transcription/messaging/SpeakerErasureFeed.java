package io.cognita.transcription.messaging;

import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import io.cognita.transcription.service.MeetingEffects;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** user.deleted: the user's segments keep their words and lose the speaker's identity. */
@ApplicationScoped
public class SpeakerErasureFeed implements EventHandler {

    private final MeetingEffects effects;

    public SpeakerErasureFeed(MeetingEffects effects) {
        this.effects = effects;
    }

    @Override
    public String name() {
        return "transcription-speaker-erasure";
    }

    @Override
    public String topic() {
        return "cognita.identity";
    }

    @Override
    public Set<String> types() {
        return Set.of("user.deleted");
    }

    @Override
    public void handle(IncomingEvent event) {
        String userId = event.data().path("userId").asText(null);
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("user.deleted without userId");
        }
        effects.userDeleted(userId);
    }
}
