package io.cognita.transcription.rest;

import io.cognita.transcription.service.LiveHub;
import io.cognita.transcription.service.LiveTranscription;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open live socket: what the hub sends it goes out without waiting; frames not yet written are counted, and a
 * listener that lets more than {@code maxPending} pile up (it stopped reading) is dropped with SLOW_CONSUMER, so it
 * never holds up the speaker or the other listeners.
 */
final class LiveSocket implements LiveHub.Listener {

    static final CloseReason POLICY = new CloseReason(1008, "refused");

    private final WebSocketConnection connection;
    private final UUID meetingId;
    private final String translateTo;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean dropped = new AtomicBoolean();
    final LiveTranscription.Speaker speaker;
    /** Who holds the socket, checked again while it is open: the token's subject, session and expiry. */
    final String userId;
    final boolean systemAdmin;
    final String sessionId;
    final long expiresAtSeconds;

    LiveSocket(WebSocketConnection connection, UUID meetingId, String translateTo, int maxPending, LiveTranscription.Speaker speaker,
               String userId, boolean systemAdmin, String sessionId, long expiresAtSeconds) {
        this.userId = userId;
        this.systemAdmin = systemAdmin;
        this.sessionId = sessionId;
        this.expiresAtSeconds = expiresAtSeconds;
        this.connection = connection;
        this.meetingId = meetingId;
        this.translateTo = translateTo;
        this.maxPending = maxPending;
        this.speaker = speaker;
    }

    @Override
    public UUID meetingId() {
        return meetingId;
    }

    @Override
    public String translateTo() {
        return translateTo;
    }

    @Override
    public void send(String frame) {
        if (dropped.get() || connection.isClosed()) {
            return;
        }
        if (pending.incrementAndGet() > maxPending) {
            if (dropped.compareAndSet(false, true)) {
                connection.sendText(LiveEndpoint.error("SLOW_CONSUMER", "More than " + maxPending
                                + " frames were waiting for this listener; reconnect with afterSeq to catch up."))
                        .chain(() -> connection.close(new CloseReason(1008, "SLOW_CONSUMER")))
                        .subscribe().with(ok -> { }, failure -> { });
            }
            return;
        }
        connection.sendText(frame).subscribe().with(ok -> pending.decrementAndGet(), failure -> pending.decrementAndGet());
    }

    /** A replayed frame: written before the next is taken (a long replay never counts as a slow listener). */
    void sendNow(String frame) {
        connection.sendTextAndAwait(frame);
    }

    /** No longer allowed: an error frame, then close 1008 (without waiting for a client that does not read). */
    void revoke(String code, String detail) {
        if (dropped.compareAndSet(false, true)) {
            connection.sendText(LiveEndpoint.error(code, detail)).chain(() -> connection.close(POLICY))
                    .subscribe().with(ok -> { }, failure -> connection.close(POLICY).subscribe().with(ok -> { }, f -> { }));
        }
    }

    boolean isSpeaker() {
        return speaker != null;
    }

    @Override
    public void end() {
        connection.close(new CloseReason(1000, "ended")).subscribe().with(ok -> { }, failure -> { });
    }

    int pending() {
        return pending.get();
    }
}
