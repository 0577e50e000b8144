package io.cognita.gateway.edge;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id of a request at the edge: the client's, if it is safe to echo, else a new one. */
public final class EdgeRequest {

    public static final String REQUEST_ID = "X-Request-ID";
    private static final String KEY = "cognita.requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private EdgeRequest() {
    }

    static String assignRequestId(RoutingContext ctx) {
        String given = ctx.request().getHeader(REQUEST_ID);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        ctx.request().headers().set(REQUEST_ID, id);
        return id;
    }

    static String requestId(RoutingContext ctx) {
        return ctx.get(KEY);
    }
}
