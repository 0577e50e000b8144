package io.cognita.gateway.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate in front of the edge: open until the shutdown delay is nearly over; then an idempotent request's connection
 * is closed unanswered (a balancer resends it elsewhere), any other request is told 503 with Retry-After, and over
 * HTTP/2 the request's stream alone is refused.
 */
class ShutdownGateTest {

    private static final Duration DELAY = Duration.ofSeconds(3);
    private Vertx vertx;
    private HttpServer server;
    private ShutdownGate gate;

    @BeforeEach
    void serve() throws Exception {
        vertx = Vertx.vertx();
        gate = new ShutdownGate(new ProblemWriter(new ObjectMapper()), new SimpleMeterRegistry(), Optional.of(DELAY));
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            if (gate.admits(ctx)) {
                ctx.response().end("served");
            }
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void requestsAreServedUntilTheDelayIsNearlyOverThenTurnedAway() throws Exception {
        assertEquals("served", post().body());
        gate.delayBegins(null);
        assertEquals("served", post().body(), "still taken during the delay");
        Thread.sleep(DELAY.minus(ShutdownGate.MARGIN).toMillis() + 100);

        HttpResponse<String> refused = post();
        assertEquals(503, refused.statusCode());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        assertTrue(refused.body().contains("\"code\":\"SERVICE_UNAVAILABLE\""), refused.body());

        assertEquals(0, bytesAnsweringAGet(), "a GET's connection is closed without an answer");

        IOException refusedStream = assertThrows(IOException.class, () -> send(HttpClient.Version.HTTP_2),
                "over HTTP/2 the stream alone is refused, so the client may resend it");
        assertTrue(refusedStream.getMessage().contains("RST_STREAM"), refusedStream.getMessage());
    }

    private HttpResponse<String> post() throws Exception {
        return send(HttpClient.Version.HTTP_1_1);
    }

    private HttpResponse<String> send(HttpClient.Version version) throws Exception {
        return HttpClient.newBuilder().version(version).build().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/api/orgs"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int bytesAnsweringAGet() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.actualPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /api/orgs HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return in.readAllBytes().length;
        }
    }
}
