package io.cognita.transcription.messaging;

import io.cognita.transcription.service.LiveFanOut;

import java.util.UUID;
import java.util.function.BiConsumer;

/** One replica: frames go straight to this replica's listeners. */
class LocalFanOut implements LiveFanOut {

    private volatile BiConsumer<UUID, String> delivery = (m, f) -> { };

    @Override
    public void publish(UUID meetingId, String frame) {
        delivery.accept(meetingId, frame);
    }

    @Override
    public void subscribe(BiConsumer<UUID, String> delivery) {
        this.delivery = delivery;
    }
}
