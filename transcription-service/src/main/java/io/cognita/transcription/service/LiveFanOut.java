package io.cognita.transcription.service;

import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * How a live frame reaches every replica's listeners of a meeting: in-process (one replica) or Redis pub/sub. Finals
 * are durable in PostgreSQL before they are published, so a frame lost here is replayed with {@code afterSeq}.
 */
public interface LiveFanOut {

    void publish(UUID meetingId, String frame);

    /** Where frames published by any replica are delivered on this one. */
    void subscribe(BiConsumer<UUID, String> delivery);
}
