package io.cognita.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cognita.gateway.config.GatewayConfig;
import io.cognita.gateway.routing.Route;
import io.cognita.gateway.routing.RouteTable;
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
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private final GatewayConfig config;
    private final RouteTable routes;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public OpenApiAggregator(GatewayConfig config, RouteTable routes, ObjectMapper json) {
        this.config = config;
        this.routes = routes;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.get("/api/openapi").order(5).blockingHandler(this::serve, false);
    }

    private volatile String cached;
    private volatile long cachedUntil;

    /** Served from a copy at most a minute old, so the public document cannot be used to make the gateway fan out. */
    private void serve(RoutingContext ctx) {
        long now = System.currentTimeMillis();
        String document = cached;
        if (document == null || now > cachedUntil) {
            ObjectNode merged = merged();
            document = merged.toPrettyString();
            cached = document;
            // an incomplete document (a service down) is kept only briefly
            cachedUntil = now + (merged.has("x-unavailable-services") ? 5_000 : 60_000);
        }
        ctx.response().putHeader("Content-Type", "application/json").end(document);
    }

    ObjectNode merged() {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.0.3");
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
            mergeOperations(service.getKey(), part.path("paths"), paths);
            copyFields(part.path("components").path("schemas"), schemas);
            part.path("tags").forEach(tags::add);
        }
        declareSecurity(paths);
        nullableReferences(schemas);
        aliasTrailingSlash(paths, "/api/orgs", "post");
        if (!unavailable.isEmpty()) {
            ArrayNode missing = doc.putArray("x-unavailable-services");
            unavailable.forEach(missing::add);
        }
        return doc;
    }

    /**
     * Every operation states its security from the gateway's own route table, the edge that enforces it:
     * {@code []} on public routes, the bearer JWT everywhere else.
     */
    private void declareSecurity(ObjectNode paths) {
        paths.fields().forEachRemaining(path -> {
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            path.getValue().fields().forEachRemaining(op -> {
                if (!METHODS.contains(op.getKey()) || !(op.getValue() instanceof ObjectNode operation)) {
                    return;
                }
                boolean isPublic = routes.find(op.getKey().toUpperCase(java.util.Locale.ROOT), concrete).map(Route::isPublic).orElse(false);
                ArrayNode security = operation.putArray("security");
                if (!isPublic) {
                    security.addObject().putArray("jwt");
                }
            });
        });
    }

    /**
     * OpenAPI 3.0 ignores {@code nullable} next to {@code allOf}/{@code $ref}, which is how a service documents
     * an optional property of a referenced type. Here a nullable reference to a scalar (UUID, Instant, an enum)
     * becomes that scalar inline with {@code nullable}, and one to an object becomes
     * {@code oneOf: [$ref, null]}, so validators and client generators both read "may be null".
     */
    private static void nullableReferences(ObjectNode schemas) {
        schemas.fields().forEachRemaining(schema -> {
            JsonNode properties = schema.getValue().path("properties");
            if (!(properties instanceof ObjectNode props)) {
                return;
            }
            List<String> names = new ArrayList<>();
            props.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode property = props.get(name);
                JsonNode allOf = property.path("allOf");
                if (!property.path("nullable").asBoolean() || allOf.size() != 1 || !allOf.get(0).has("$ref")) {
                    continue;
                }
                String ref = allOf.get(0).get("$ref").asText();
                JsonNode target = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                ObjectNode replacement;
                if (target.isObject() && !"object".equals(target.path("type").asText("object"))) {
                    replacement = ((ObjectNode) target).deepCopy();
                    replacement.put("nullable", true);
                } else {
                    replacement = JsonNodeFactory.instance.objectNode();
                    ArrayNode oneOf = replacement.putArray("oneOf");
                    oneOf.addObject().put("$ref", ref);
                    oneOf.addObject().put("type", "object").put("nullable", true).putArray("enum").addNull();
                }
                if (property.has("description")) {
                    replacement.set("description", property.get("description"));
                }
                props.set(name, replacement);
            }
        });
    }

    /** The seed pages call {@code POST /api/orgs/}; the same operation answers there, so the document lists it too. */
    private static void aliasTrailingSlash(ObjectNode paths, String path, String method) {
        JsonNode operation = paths.path(path).path(method);
        if (operation.isObject() && !paths.has(path + "/")) {
            ObjectNode alias = operation.deepCopy();
            alias.put("operationId", alias.path("operationId").asText(method + path.replace('/', '_')) + "TrailingSlash");
            paths.putObject(path + "/").set(method, alias);
        }
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

    /**
     * A service's operations, each only where the route table sends that method and path to this service: one
     * path can be served by two services (GET /api/workspaces/{id}/meetings by meeting-service, POST by
     * workspace-service), and a service's own paths that the gateway does not route stay out.
     */
    private void mergeOperations(String service, JsonNode from, ObjectNode to) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                boolean routedHere = !METHODS.contains(op.getKey()) || routes.find(op.getKey().toUpperCase(java.util.Locale.ROOT),
                        concrete).map(r -> r.service().equals(service)).orElse(false);
                if (!routedHere) {
                    continue;
                }
                ObjectNode target = to.has(path.getKey()) ? (ObjectNode) to.get(path.getKey()) : to.putObject(path.getKey());
                if (!target.has(op.getKey())) {
                    target.set(op.getKey(), op.getValue());
                }
            }
        }
        List<String> empty = new ArrayList<>();
        to.fields().forEachRemaining(p -> {
            boolean hasOperation = false;
            for (Iterator<String> names = p.getValue().fieldNames(); names.hasNext(); ) {
                hasOperation |= METHODS.contains(names.next());
            }
            if (!hasOperation) {
                empty.add(p.getKey());
            }
        });
        to.remove(empty);
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
