package io.cognita.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cognita.gateway.config.GatewayConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/openapi}: the services' OpenAPI documents merged into one (paths, schemas, tags), so the
 * Swagger UI at {@code /api/docs} shows the whole API. A service that does not answer is listed in
 * {@code x-unavailable-services} instead of failing the document.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public OpenApiAggregator(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.get("/api/openapi").order(5).blockingHandler(this::serve, false);
    }

    private void serve(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").end(merged().toPrettyString());
    }

    ObjectNode merged() {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Cognita API").put("version", "0.1.0")
                .put("description", "The public API of Cognita, served at /api by the gateway.");
        doc.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("jwt").put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT");
        ArrayNode tags = doc.putArray("tags");
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, String> service : new TreeMap<>(config.services()).entrySet()) {
            JsonNode part = fetch(service.getValue());
            if (part == null) {
                unavailable.add(service.getKey());
                continue;
            }
            copyFields(part.path("paths"), paths);
            copyFields(part.path("components").path("schemas"), schemas);
            part.path("tags").forEach(tags::add);
        }
        if (!unavailable.isEmpty()) {
            ArrayNode missing = doc.putArray("x-unavailable-services");
            unavailable.forEach(missing::add);
        }
        return doc;
    }

    private JsonNode fetch(String baseUrl) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debugf("no OpenAPI from %s: %s", baseUrl, e.toString());
            return null;
        }
    }

    private static void copyFields(JsonNode from, ObjectNode to) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!to.has(field.getKey())) {
                to.set(field.getKey(), field.getValue());
            }
        }
    }
}
