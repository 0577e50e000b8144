package io.cognita.gateway.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * Writes the gateway's own RFC 9457 problems (no route, no token, limits, upstream down), with the same
 * members as the services' problems: type, title, status, detail, instance, code, requestId.
 */
@ApplicationScoped
public class ProblemWriter {

    public static final String MEDIA_TYPE = "application/problem+json";
    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public String body(int status, String code, String title, String detail, String instance, String requestId) {
        ObjectNode problem = json.createObjectNode()
                .put("type", "https://cognita.dev/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'))
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance)
                .put("code", code)
                .put("requestId", requestId);
        return problem.toString();
    }

    public void send(RoutingContext ctx, int status, String code, String title, String detail) {
        send(ctx, body(status, code, title, detail, ctx.request().path(), EdgeRequest.requestId(ctx)), status);
    }

    /** A 400/413-style problem that names the offending part of the request. */
    public void sendInvalid(RoutingContext ctx, int status, String code, String title, String detail, String field,
                            String message) {
        ObjectNode problem = (ObjectNode) parse(body(status, code, title, detail, ctx.request().path(),
                EdgeRequest.requestId(ctx)));
        problem.putArray("errors").addObject().put("field", field).put("message", message);
        send(ctx, problem.toString(), status);
    }

    private void send(RoutingContext ctx, String body, int status) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(body);
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
