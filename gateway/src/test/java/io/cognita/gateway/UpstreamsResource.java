package io.cognita.gateway;

import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real HTTP upstreams for the gateway under test: an echo server standing for the services (it reports
 * what reached it, and answers {@code …/slow} late), and a port where nothing listens.
 */
public class UpstreamsResource implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;
    private Process redis;
    static int redisPort;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (request.path().equals("/api/internal/revoked-sessions")) {
                // as identity does: only with the suite's internal token (else the gateway never becomes ready)
                if (!"dev-only-internal-token".equals(request.getHeader("X-Cognita-Internal-Token"))) {
                    request.response().setStatusCode(403).end();
                    return;
                }
                request.response().putHeader("Content-Type", "application/json").end("[]");
                return;
            }
            JsonObject echo = new JsonObject()
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("authorization", request.getHeader("Authorization"))
                    .put("requestId", request.getHeader("X-Request-ID"))
                    .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                    .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                    .put("bodyLength", body.length())
                    .put("bodySha256", sha256(body));
            Runnable answer = () -> request.response().putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-ID", String.valueOf(request.getHeader("X-Request-ID")))
                    .end(echo.encode());
            if (request.path().endsWith("/slow")) {
                vertx.setTimer(3000, t -> answer.run());
            } else {
                answer.run();
            }
        }));
        // the services' WebSockets: the echo tells what the upgrade carried, then returns every frame as it came
        server.webSocketHandler(ws -> {
            ws.writeTextMessage(new JsonObject().put("uri", ws.uri()).put("authorization", ws.headers().get("Authorization"))
                    .encode());
            ws.frameHandler(ws::writeFrame);
        });
        int port;
        try {
            port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        redisPort = freePort();
        try {
            redis = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(redisPort),
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            awaitPort(redisPort);
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is needed by the gateway tests (deploy/local/test.sh installs it)", e);
        }
        String echo = "http://127.0.0.1:" + port;
        String dead = "http://127.0.0.1:" + freePort();
        return Map.of(
                "cognita.gateway.services.identity", echo,
                "cognita.gateway.services.org", echo,
                "cognita.gateway.services.workspace", echo,
                "cognita.gateway.services.transcription", echo,
                "cognita.gateway.services.meeting", dead,
                "cognita.gateway.upstream-timeout", "1s",
                "cognita.gateway.redis-url", "redis://127.0.0.1:" + redisPort,
                "mp.jwt.verify.publickey.location", TestTokens.jwksFile().toUri().toString());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
        if (redis != null) {
            redis.destroy();
        }
    }

    private static void awaitPort(int port) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port);
    }

    private static String sha256(Buffer body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
