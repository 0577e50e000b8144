package io.cognita.gateway.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate in front of the edge: open until the shutdown delay is nearly over; then an idempotent request's connection
 * is closed unanswered (a balancer resends it elsewhere) and any other request is told 503 with Retry-After.
 */
class ShutdownGateTest {

    private Vertx vertx;
    private HttpServer server;
    private ShutdownGate gate;

    @BeforeEach
    void serve() throws Exception {
        vertx = Vertx.vertx();
        gate = new ShutdownGate(new ProblemWriter(new ObjectMapper()), Optional.of(Duration.ofMillis(400)));
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
        Thread.sleep(400 - ShutdownGate.MARGIN.toMillis() + 50);

        HttpResponse<String> refused = post();
        assertEquals(503, refused.statusCode());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        assertTrue(refused.body().contains("\"code\":\"SERVICE_UNAVAILABLE\""), refused.body());

        assertEquals(0, bytesAnsweringAGet(), "a GET's connection is closed without an answer");
    }

    private HttpResponse<String> post() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/api/orgs"))
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
