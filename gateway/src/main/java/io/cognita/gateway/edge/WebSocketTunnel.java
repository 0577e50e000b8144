package io.cognita.gateway.edge;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Forwards an admitted WebSocket upgrade to its service and, once the service switches protocols, joins the two
 * connections with back-pressure in both directions. Done here rather than by the HTTP proxy so that the
 * {@code access_token} a browser puts in the query (it cannot set headers on a WebSocket) never travels further:
 * the edge has moved it into the Authorization header, and the forwarded URI goes without it.
 */
final class WebSocketTunnel {

    private static final Logger LOG = Logger.getLogger(WebSocketTunnel.class);
    static final String ACCESS_TOKEN = "access_token";
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length");

    private final HttpClient client;
    private final ProblemWriter problems;
    private final Set<TunnelRelay> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    WebSocketTunnel(HttpClient client, ProblemWriter problems) {
        this.client = client;
        this.problems = problems;
    }

    /** Tells every open tunnel's client to reconnect (1012), as the gateway begins to stop. */
    void restartAll() {
        stopping = true;
        open.forEach(TunnelRelay::restart);
    }

    static boolean isUpgrade(HttpServerRequest request) {
        return request.method() == HttpMethod.GET && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    void forward(RoutingContext ctx, URI upstream, String service) {
        HttpServerRequest in = ctx.request();
        client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setServer(SocketAddress.inetSocketAddress(upstream.getPort(), upstream.getHost()))
                        .setHost(upstream.getHost()).setPort(upstream.getPort()).setURI(withoutAccessToken(in.uri())))
                .compose(out -> {
                    for (Map.Entry<String, String> header : in.headers()) {
                        if (!NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
                            out.headers().add(header.getKey(), header.getValue());
                        }
                    }
                    // once switched, the request's connection is the tunnel's: its end is the tunnel's end, not a failure
                    out.exceptionHandler(failure -> LOG.debugf("tunnel to %s ended: %s", service, failure.toString()));
                    return out.connect();
                })
                .onComplete(result -> {
                    if (result.failed()) {
                        LOG.warnf("upstream %s failed at a WebSocket upgrade: %s", service, result.cause().toString());
                        problems.send(ctx, 503, "SERVICE_UNAVAILABLE", "Service unavailable", "The " + service + " service is not reachable.");
                        in.resume();
                        return;
                    }
                    HttpClientResponse answer = result.result();
                    if (answer.statusCode() != 101) {
                        // the service refused the upgrade: its answer goes back, and the connection is closed, never pooled
                        in.response().setStatusCode(answer.statusCode());
                        in.response().headers().addAll(answer.headers());
                        answer.pipeTo(in.response()).onComplete(v -> answer.request().connection().close());
                        in.resume();
                        return;
                    }
                    NetSocket toService = answer.netSocket();
                    in.response().setStatusCode(101);
                    in.response().headers().addAll(answer.headers());
                    in.toNetSocket().onComplete(socket -> {
                        if (socket.failed()) {
                            toService.close();
                            return;
                        }
                        TunnelRelay relay = new TunnelRelay(socket.result(), toService, io.vertx.core.Vertx.currentContext());
                        open.add(relay);
                        relay.start(() -> open.remove(relay));
                        if (stopping) {
                            // opened after the gateway began to stop (it was admitted just before): told at once
                            relay.restart();
                        }
                    });
                });
    }

    /** The request target without the access_token query parameter (a token never goes in a forwarded URI). */
    static String withoutAccessToken(String uri) {
        int q = uri.indexOf('?');
        if (q < 0) {
            return uri;
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : uri.substring(q + 1).split("&")) {
            String raw = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            // compared decoded, as the edge reads parameters: access%5Ftoken is access_token too
            String name;
            try {
                name = java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                name = raw;
            }
            if (!name.equals(ACCESS_TOKEN) && !pair.isEmpty()) {
                kept.append(kept.length() == 0 ? "" : "&").append(pair);
            }
        }
        return uri.substring(0, q) + (kept.length() == 0 ? "" : "?" + kept);
    }
}
