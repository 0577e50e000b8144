package io.cognita.transcription.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cognita.platform.auth.RevokedSessions;
import io.cognita.platform.auth.Caller;
import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.LanguagePair;
import io.cognita.transcription.domain.Transcript;
import io.cognita.transcription.service.LiveAccess;
import io.cognita.transcription.service.LiveHub;
import io.cognita.transcription.service.LiveSettings;
import io.cognita.transcription.service.LiveTranscription;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live protocol (CONTRACT §4) on {@code /api/transcription/live?meetingId=…&role=speaker|listener[&afterSeq=N][&lang=xx]}.
 * The token comes in the Authorization header (the gateway moves a browser's {@code access_token} query parameter
 * there; it is accepted here too for direct callers and never logged). Anything refused gets an
 * {@code {"type":"error","code":…}} frame and, when the socket cannot go on, a close (1008); a bad frame gets its
 * error frame and the socket stays open.
 */
@WebSocket(path = "/api/transcription/live")
public class LiveEndpoint {

    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPLAY_PAGE = 500;
    private static final Duration ENDED_GRACE = Duration.ofSeconds(30);

    private final JWTParser tokens;
    private final RevokedSessions revoked;
    private final LiveAccess access;
    private final LiveTranscription live;
    private final LiveHub hub;
    private final int maxPending;
    private final int maxTextFrame;
    private final Duration replayWriteTimeout;
    private final Duration replayDeadline;
    private final Duration speakerIdle;
    private final SocketQuota quota;
    private final Map<String, LiveSocket> sockets = new ConcurrentHashMap<>();
    private volatile boolean draining;

    public LiveEndpoint(JWTParser tokens, RevokedSessions revoked, LiveAccess access, LiveTranscription live, LiveHub hub,
                        LiveSettings settings) {
        this.replayWriteTimeout = settings.replayWriteTimeout();
        this.replayDeadline = settings.replayDeadline();
        this.speakerIdle = settings.speakerIdle();
        this.quota = new SocketQuota(settings.maxSpeakerStreamsPerUser(), settings.maxSocketsPerUser());
        this.tokens = tokens;
        this.revoked = revoked;
        this.access = access;
        this.live = live;
        this.hub = hub;
        this.maxPending = settings.maxPendingFrames();
        this.maxTextFrame = settings.maxTextFrame();
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        if (draining) {
            // opened after this replica began to go away: told at once to go to another one
            connection.close(LiveSocket.RESTARTING).subscribe().with(ok -> { }, failure -> { });
            return;
        }
        Map<String, String> query = query(connection.handshakeRequest().query());
        JsonWebToken token = token(connection, query);
        if (token == null) {
            refuse(connection, "UNAUTHORIZED", "A valid bearer token is required (Authorization header or access_token).");
            return;
        }
        UUID meetingId;
        long afterSeq;
        String role = query.getOrDefault("role", "listener");
        String lang = query.get("lang");
        try {
            meetingId = UUID.fromString(required(query, "meetingId"));
            afterSeq = query.containsKey("afterSeq") ? Long.parseLong(query.get("afterSeq")) : -1;
            if (afterSeq < -1 || !Set.of("speaker", "listener").contains(role)) {
                throw new IllegalArgumentException();
            }
            if (lang != null) {
                new Locale.Builder().setLanguageTag(lang);
            }
        } catch (IllegalArgumentException | IllformedLocaleException e) {
            refuse(connection, "INVALID_QUERY", "meetingId must be a UUID, role speaker or listener, afterSeq a number ≥ 0, "
                    + "lang a BCP-47 tag.");
            return;
        }
        boolean speaking = "speaker".equals(role);
        String scope = speaking ? "transcript:write" : "transcript:read";
        Object scopes = token.getClaim("scope");
        if (scopes == null || !List.of(scopes.toString().split(" ")).contains(scope)) {
            refuse(connection, "FORBIDDEN", "The token lacks the scope " + scope + ".");
            return;
        }
        boolean systemAdmin = token.getGroups() != null && token.getGroups().contains(Caller.SYSTEM_ADMIN);
        LiveAccess.Decision decision = access.decide(meetingId, token.getSubject(), systemAdmin, speaking);
        if (!decision.allowed()) {
            refuse(connection, decision.code(), decision.reason());
            return;
        }
        String refusedQuota = quota.reserve(token.getSubject(), speaking);
        if (refusedQuota != null) {
            refuse(connection, "TOO_MANY_STREAMS", refusedQuota);
            return;
        }
        boolean opened = false;
        try {
            opened = join(connection, token, decision, meetingId, afterSeq, speaking, lang, systemAdmin);
        } finally {
            if (!opened && !sockets.containsKey(connection.id())) { // once kept, its close gives the place back
                quota.release(token.getSubject(), speaking);
            }
        }
    }

    /** Joins an admitted socket to its meeting, replays what it asked for, greets it; false when it did not stay open. */
    private boolean join(WebSocketConnection connection, JsonWebToken token, LiveAccess.Decision decision, UUID meetingId, long afterSeq,
                         boolean speaking, String lang, boolean systemAdmin) {
        Transcript transcript = live.transcript(decision.meeting());
        String translateTo = null;
        String translationRefusal = null;
        if (lang != null && !LanguagePair.primary(lang).equals(LanguagePair.primary(transcript.language()))) {
            try {
                translationRefusal = access.translationRefusal(transcript.orgId(), transcript.language(), lang);
            } catch (EngineUnavailableException e) {
                LOG.warnf("translation engine unavailable: %s", e.getMessage());
                translationRefusal = "the translation engine is unavailable";
            }
            // one spelling per language (es, ES, es-MX are es): what listeners share a translation by
            translateTo = translationRefusal == null ? LanguagePair.primary(lang) : null;
        }
        LiveTranscription.Speaker speaker = speaking ? live.speaker(transcript, token.getSubject(), label(token)) : null;
        Object sid = token.getClaim("sid");
        LiveSocket socket = new LiveSocket(connection, meetingId, translateTo, maxPending, speaker, token.getSubject(), systemAdmin,
                sid == null ? null : sid.toString(), token.getExpirationTime());
        if (translationRefusal != null) {
            socket.send(error("TRANSLATION_UNAVAILABLE", "No live translation into " + lang + ": " + translationRefusal + "."));
        }
        sockets.put(connection.id(), socket); // from here on, the close releases its quota
        if (draining) {
            socket.restarting(); // the replica began to go away while this socket was being opened
            return true; // kept: its close gives the quota place back
        }
        if (afterSeq >= 0) {
            socket.replaying();
        }
        hub.join(socket);
        // joined first, then the replay: what is published meanwhile waits, and goes out after it without the finals
        // the replay had, so a client sees each final once and in order
        long deadline = System.nanoTime() + replayDeadline.toNanos();
        long lastSeq = afterSeq;
        for (long after = afterSeq; after >= 0; ) {
            LiveTranscription.Replay page = live.replay(transcript, after, REPLAY_PAGE);
            for (String frame : page.frames()) {
                if (System.nanoTime() - deadline > 0) {
                    socket.revoke("SLOW_CONSUMER", "The replay took longer than " + replayDeadline.toSeconds()
                            + " s; reconnect with afterSeq set to the last seq received.");
                }
                if (!socket.sendNow(frame, replayWriteTimeout)) {
                    hub.leave(socket);
                    return true;
                }
            }
            lastSeq = page.lastSeq();
            after = page.frames().size() < REPLAY_PAGE ? -1 : page.lastSeq();
        }
        socket.replayed(lastSeq);
        hub.greet(socket);
        return true;
    }

    @OnBinaryMessage
    public void audio(WebSocketConnection connection, byte[] frame) {
        LiveSocket socket = sockets.get(connection.id());
        if (socket == null) {
            return;
        }
        if (socket.speaker == null) {
            socket.send(error("NOT_A_SPEAKER", "Only a speaker (role=speaker) sends audio."));
            return;
        }
        try {
            socket.speaker.audio(frame);
        } catch (LiveTranscription.FrameRefused e) {
            socket.send(error(e.code(), e.getMessage()));
        } catch (EngineUnavailableException e) {
            LOG.warnf("speech engine unavailable: %s", e.getMessage());
            socket.send(error("ENGINE_UNAVAILABLE", "The speech engine is unavailable; retry shortly."));
        } catch (RuntimeException e) {
            LOG.errorf(e, "live audio of meeting %s failed", socket.meetingId());
            socket.send(error("INTERNAL_ERROR", "The frame could not be processed; the socket stays open."));
        }
    }

    @OnTextMessage
    public void text(WebSocketConnection connection, String message) {
        LiveSocket socket = sockets.get(connection.id());
        if (socket == null) {
            return;
        }
        if (message.length() > maxTextFrame) {
            socket.send(error("FRAME_TOO_LARGE", "Text frames are at most " + maxTextFrame + " characters."));
            return;
        }
        JsonNode frame;
        try {
            frame = JSON.readTree(message);
        } catch (IOException e) {
            socket.send(error("BAD_FRAME", "Text frames are JSON objects such as {\"type\":\"caption\",\"text\":…,\"final\":true}."));
            return;
        }
        if (!"caption".equals(frame.path("type").asText())) {
            socket.send(error("BAD_FRAME", "The only text frame a client sends is {\"type\":\"caption\",…}."));
            return;
        }
        if (socket.speaker == null) {
            socket.send(error("NOT_A_SPEAKER", "Only a speaker (role=speaker) sends captions."));
            return;
        }
        if (!frame.path("text").isTextual() || frame.has("final") && !frame.path("final").isBoolean()) {
            socket.send(error("BAD_CAPTION", "A caption has a text (string) and final (boolean)."));
            return;
        }
        try {
            socket.speaker.caption(frame.path("text").asText(), frame.path("final").asBoolean(false));
        } catch (LiveTranscription.FrameRefused e) {
            socket.send(error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "live caption of meeting %s failed", socket.meetingId());
            socket.send(error("INTERNAL_ERROR", "The frame could not be processed; the socket stays open."));
        }
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        LiveSocket socket = sockets.remove(connection.id());
        if (socket == null) {
            return;
        }
        hub.leave(socket);
        quota.release(socket.userId, socket.isSpeaker());
        if (socket.speaker != null) {
            try {
                socket.speaker.close();
            } catch (RuntimeException e) {
                LOG.errorf(e, "a speaker's stream in meeting %s did not close cleanly (its last part may be unbilled)", socket.meetingId());
            }
        }
    }

    /**
     * Every open socket is checked again: an ended session or expired token (UNAUTHORIZED: reconnect with a fresh
     * token and afterSeq), a user who left the workspace or org, a meeting that ended, an org suspended under a
     * speaker — each closes the socket with the code open would have given.
     */
    @Scheduled(every = "${cognita.live.recheck-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recheck() {
        long now = Instant.now().getEpochSecond();
        for (LiveSocket socket : List.copyOf(sockets.values())) {
            if (socket.expiresAtSeconds > 0 && socket.expiresAtSeconds <= now || revoked.isRevoked(socket.sessionId)) {
                socket.revoke("UNAUTHORIZED", "The token expired or its session ended; reconnect with a fresh token and afterSeq.");
                continue;
            }
            LiveAccess.Decision decision = access.decide(socket.meetingId(), socket.userId, socket.systemAdmin, socket.isSpeaker());
            if (!decision.allowed()) {
                // an ended meeting's sockets are closed by its ended frame, after the translations still on their way;
                // this check only closes those that frame missed
                if (!"MEETING_NOT_LIVE".equals(decision.code()) || socket.endedLongAgo(ENDED_GRACE)) {
                    socket.revoke(decision.code(), decision.reason());
                }
                continue;
            }
            if (socket.speaker != null) {
                try {
                    socket.speaker.releaseIfIdle(speakerIdle);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "an idle speaker's decoder could not be released cleanly");
                }
            }
        }
    }

    /**
     * The replica is going away (SIGTERM, before its shutdown delay): every socket is closed with 1012 (service
     * restart) and a reconnect hint, while this replica still serves, so clients reconnect to another one with
     * afterSeq and miss nothing.
     */
    void draining(@Observes ShutdownDelayInitiatedEvent ignored) {
        draining = true;
        for (LiveSocket socket : List.copyOf(sockets.values())) {
            socket.restarting();
        }
    }

    private JsonWebToken token(WebSocketConnection connection, Map<String, String> query) {
        String header = connection.handshakeRequest().header("Authorization");
        String raw = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : query.get("access_token");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            JsonWebToken token = tokens.parse(raw);
            Object sid = token.getClaim("sid");
            return revoked.isRevoked(sid == null ? null : sid.toString()) ? null : token;
        } catch (ParseException e) {
            return null;
        }
    }

    private static String label(JsonWebToken token) {
        Object name = token.getClaim("name");
        if (name != null) {
            return name.toString().replace("\"", "");
        }
        String email = token.getClaim("email");
        return email == null ? null : email.substring(0, Math.max(0, email.indexOf('@')));
    }

    /** The error frame, then close 1008; never waiting on a client that does not read. */
    private static void refuse(WebSocketConnection connection, String code, String detail) {
        connection.sendText(error(code, detail)).ifNoItem().after(LiveSocket.CLOSE_WAIT).recoverWithItem(() -> null)
                .onFailure().recoverWithNull()
                .chain(() -> connection.close(LiveSocket.POLICY))
                .subscribe().with(ok -> { }, failure -> { });
    }

    static String error(String code, String detail) {
        ObjectNode frame = JSON.createObjectNode().put("type", "error").put("code", code).put("detail", detail);
        return frame.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name);
        }
        return value;
    }
}
