package io.cognita.gateway.revocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads identity's list of revocations in force (its own tables, so nothing depends on how long the broker
 * keeps session.revoked): every second until the first success, then every {@code reload-every}.
 * Readiness is DOWN until the first load.
 */
@ApplicationScoped
@Readiness
public class RevocationListLoader implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(RevocationListLoader.class);

    private final RevokedSessions revoked;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final GatewayConfig config;
    private HttpClient client;
    private volatile boolean stopped;

    public RevocationListLoader(RevokedSessions revoked, Vertx vertx, ObjectMapper json, GatewayConfig config) {
        this.revoked = revoked;
        this.vertx = vertx;
        this.json = json;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.revocation().enabled()) {
            revoked.loadDurable(Map.of()); // revocation is switched off: nothing to wait for
            return;
        }
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));
        load();
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopped = true;
    }

    private void load() {
        if (stopped) {
            return;
        }
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(config.revocation().source())
                        .setTimeout(5000).putHeader("Accept", "application/json")
                        .putHeader("X-Cognita-Internal-Token", config.internalToken()))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : io.vertx.core.Future.failedFuture("HTTP " + response.statusCode()))
                .onSuccess(body -> {
                    try {
                        Map<String, Instant> list = new HashMap<>();
                        JsonNode entries = json.readTree(body.getBytes());
                        if (!entries.isArray()) {
                            throw new IllegalArgumentException("not a list");
                        }
                        for (JsonNode entry : entries) {
                            list.put(entry.path("sessionId").asText(), Instant.parse(entry.path("validUntil").asText()));
                        }
                        boolean first = !revoked.complete();
                        revoked.loadDurable(list);
                        if (first) {
                            LOG.infof("revocation list loaded from identity: %d in force", list.size());
                        }
                        next(config.revocation().reloadEvery().toMillis());
                    } catch (Exception e) {
                        failed(e.toString());
                    }
                })
                .onFailure(e -> failed(e.toString()));
    }

    private void failed(String why) {
        LOG.warnf("revocation list from identity unavailable (%s); %s", why,
                revoked.complete() ? "keeping the one loaded" : "refusing tokens until it loads");
        next(revoked.complete() ? config.revocation().reloadEvery().toMillis() : 1000);
    }

    private void next(long millis) {
        if (!stopped) {
            vertx.setTimer(millis, t -> load());
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("revocation-list").status(revoked.complete() || !config.revocation().enabled()).build();
    }
}
