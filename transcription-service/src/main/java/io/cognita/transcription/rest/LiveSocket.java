package io.cognita.transcription.rest;

import io.cognita.transcription.service.LiveHub;
import io.cognita.transcription.service.LiveTranscription;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

import io.smallrye.mutiny.TimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    static final CloseReason RESTARTING = new CloseReason(1012, "restarting: reconnect with afterSeq");

    private final WebSocketConnection connection;
    private final UUID meetingId;
    private final String translateTo;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean dropped = new AtomicBoolean();
    private static final String HEALTH = "{\"type\":\"health\"";
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern PARTIAL = Pattern.compile("\"isFinal\":false");
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private boolean endAfterReplay;
    /** Frames that came during the replay; null once it is over (or when there was none). */
    private List<String> held;
    /** When the recheck first found the meeting ended (0: not yet); only the recheck's thread uses it. */
    private long endedSeenNanos;
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

    /** Frames that come from now on wait for {@link #replayed}. */
    synchronized void replaying() {
        held = new ArrayList<>();
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
        synchronized (this) {
            if (held != null) {
                hold(frame);
                return;
            }
        }
        write(frame);
    }

    /**
     * During the replay: finals, errors and the meeting's end wait, so they come after it, in order; partials and
     * health frames are stale by then and skipped. Half the pending bound, so the flush leaves room.
     */
    private void hold(String frame) {
        if (frame.startsWith(HEALTH) || PARTIAL.matcher(frame).find()) {
            return;
        }
        if (held.size() >= maxPending / 2) {
            held = null;
            revoke("SLOW_CONSUMER", "More than " + maxPending / 2 + " finals came during the replay; reconnect with afterSeq to catch up.");
            return;
        }
        held.add(frame);
    }

    /**
     * The replay is over (the last final it sent was {@code lastSeq}): what came meanwhile goes out, except finals the
     * replay already had; from now on frames go out as they come.
     */
    synchronized void replayed(long lastSeq) {
        if (held == null) {
            return;
        }
        for (String frame : held) {
            Matcher seq = SEQ.matcher(frame);
            if (seq.find() && Long.parseLong(seq.group(1)) <= lastSeq) {
                continue;
            }
            write(frame);
        }
        held = null;
        if (endAfterReplay) {
            end();
        }
    }

    private void write(String frame) {
        if (dropped.get() || connection.isClosed()) {
            return;
        }
        if (pending.incrementAndGet() > maxPending) {
            revoke("SLOW_CONSUMER", "More than " + maxPending + " frames were waiting for this listener; reconnect with afterSeq to catch up.");
            return;
        }
        connection.sendText(frame).subscribe().with(ok -> pending.decrementAndGet(), failure -> pending.decrementAndGet());
    }

    /**
     * A replayed frame: written before the next is taken (a long replay never counts as a slow listener), but a client
     * that does not take it within {@code timeout} is dropped (SLOW_CONSUMER); false then, and the replay stops.
     */
    boolean sendNow(String frame, Duration timeout) {
        if (dropped.get()) {
            return false;
        }
        try {
            connection.sendText(frame).await().atMost(timeout);
            return true;
        } catch (TimeoutException e) {
            revoke("SLOW_CONSUMER", "The replay waited more than " + timeout.toSeconds() + " s for this client; reconnect with afterSeq.");
            return false;
        } catch (RuntimeException e) {
            return false; // the connection closed under the replay
        }
    }

    /**
     * No longer allowed: an error frame, then close 1008. A client that does not read gets the close after
     * {@link #CLOSE_WAIT} whether its error frame went out or not (the connection is then closed under it).
     */
    void revoke(String code, String detail) {
        if (dropped.compareAndSet(false, true)) {
            connection.sendText(LiveEndpoint.error(code, detail)).ifNoItem().after(CLOSE_WAIT).recoverWithItem(() -> null)
                    .onFailure().recoverWithNull()
                    .chain(() -> connection.close(POLICY))
                    .subscribe().with(ok -> { }, failure -> { });
        }
    }

    /** Whether the meeting was first seen ended more than {@code grace} ago (the first call starts the count). */
    boolean endedLongAgo(Duration grace) {
        long now = System.nanoTime();
        if (endedSeenNanos == 0) {
            endedSeenNanos = now;
            return false;
        }
        return now - endedSeenNanos > grace.toNanos();
    }

    /** This replica is restarting: a close 1012 whose reason tells the client to reconnect (with afterSeq). */
    void restarting() {
        connection.close(RESTARTING).subscribe().with(ok -> { }, failure -> { });
    }

    boolean isSpeaker() {
        return speaker != null;
    }

    @Override
    public void end() {
        synchronized (this) {
            if (held != null) {
                endAfterReplay = true; // the ended frame is held; the close follows the replay and the flush
                return;
            }
        }
        connection.close(new CloseReason(1000, "ended")).subscribe().with(ok -> { }, failure -> { });
    }

    int pending() {
        return pending.get();
    }
}
