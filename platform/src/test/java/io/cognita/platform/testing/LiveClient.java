package io.cognita.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * A live-protocol client on the JDK's WebSocket: collects the frames it receives; a {@link #paused} client reads one
 * frame and then nothing until {@link #resume()} (a listener that stopped reading).
 */
public final class LiveClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private volatile boolean paused;

    private LiveClient(URI uri, String token, boolean paused) {
        this.paused = paused;
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        socket = builder.buildAsync(uri, new Receiver()).join();
        if (!paused) {
            // the server's first frame: a health frame once the socket has joined, or the error that refused it
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !frames.isEmpty() || closed.isDone());
        }
    }

    public static LiveClient connect(URI uri, String token) {
        return new LiveClient(uri, token, false);
    }

    public static LiveClient paused(URI uri, String token) {
        return new LiveClient(uri, token, true);
    }

    public void resume() {
        paused = false;
        socket.request(Long.MAX_VALUE / 2);
    }

    public void text(String frame) {
        socket.sendText(frame, true).join();
    }

    public void caption(String text, boolean isFinal) {
        try {
            text(JSON.writeValueAsString(JSON.createObjectNode().put("type", "caption").put("text", text).put("final", isFinal)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void audio(byte[] pcm, int offset, int length) {
        socket.sendBinary(ByteBuffer.wrap(pcm, offset, length), true).join();
    }

    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    public List<JsonNode> frames(String type) {
        return frames.stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    public List<JsonNode> finals() {
        return frames("segment").stream().filter(f -> f.path("isFinal").asBoolean()).toList();
    }

    /** Waits for a frame that matches; returns it. */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> frames.stream().anyMatch(match));
        return frames.stream().filter(match).findFirst().orElseThrow();
    }

    public JsonNode awaitError(String code) {
        return await(f -> "error".equals(f.path("type").asText()) && code.equals(f.path("code").asText()), Duration.ofSeconds(10));
    }

    /** The close code the server sent, waiting for it. */
    public int awaitClose(Duration timeout) {
        Awaitility.await().atMost(timeout).until(closed::isDone);
        return closed.join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(paused ? 1 : Long.MAX_VALUE / 2);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }

    /** Texts of the frames given. */
    public static List<String> texts(List<JsonNode> frames) {
        List<String> out = new ArrayList<>();
        frames.forEach(f -> out.add(f.path("text").asText()));
        return out;
    }
}
