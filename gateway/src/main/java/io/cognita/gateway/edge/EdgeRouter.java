package io.cognita.gateway.edge;

import io.cognita.gateway.config.GatewayConfig;
import io.cognita.gateway.revocation.RevokedSessions;
import io.cognita.gateway.routing.Route;
import io.cognita.gateway.routing.RouteTable;
import io.quarkus.runtime.StartupEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The public edge on {@code /api/*}: request id, route lookup (404), body size (413), token check for
 * non-public routes (401; a WebSocket upgrade's token may come as {@code access_token}), rate limits (429), then the
 * streaming reverse proxy to the route's service (503 when it is down, 504 when it is too slow), or the WebSocket
 * tunnel for an upgrade.
 */
@ApplicationScoped
public class EdgeRouter {

    private final Counter rateLimited;

    private static final Logger LOG = Logger.getLogger(EdgeRouter.class);

    private final GatewayConfig config;
    private final RouteTable routes;
    private final TokenVerifier tokens;
    private final RateLimiter limits;
    private final ProblemWriter problems;
    private final UpstreamErrors upstreamErrors;
    private final RevokedSessions revoked;
    private final ClientAddress clients;
    private final ShutdownGate shutdownGate;

    public EdgeRouter(GatewayConfig config, RouteTable routes, TokenVerifier tokens, RateLimiter limits,
                      ProblemWriter problems, UpstreamErrors upstreamErrors, RevokedSessions revoked, MeterRegistry meters,
                      ShutdownGate shutdownGate) {
        this.shutdownGate = shutdownGate;
        this.rateLimited = Counter.builder("cognita.gateway.rate.limited").description("requests refused with 429 RATE_LIMITED")
                .register(meters);
        this.revoked = revoked;
        this.clients = ClientAddress.trusting(config.trustedProxies().orElse(List.of()));
        this.config = config;
        this.routes = routes;
        this.tokens = tokens;
        this.limits = limits;
        this.problems = problems;
        this.upstreamErrors = upstreamErrors;
    }

    /**
     * The uri tag of this request's http_server_requests meters: a route's pattern, never the raw path (every id, or
     * every made-up path, would make a series of its own, and Quarkus stops adding series after 100).
     */
    private static void template(String pattern) {
        io.vertx.core.Context request = io.vertx.core.Vertx.currentContext();
        if (request != null) {
            request.putLocal(URL_TEMPLATE, pattern);
        }
    }

    /** The client's address: the peer's, or what the trusted proxies in front of the gateway saw (computed once). */
    private String client(RoutingContext ctx) {
        String known = ctx.get("cognita.client");
        if (known == null) {
            known = clients.of(ctx.request().remoteAddress().hostAddress(), ctx.request().headers().getAll("X-Forwarded-For"));
            ctx.put("cognita.client", known);
        }
        return known;
    }

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis())
                .setMaxPoolSize(100)
                .setKeepAlive(true));
        HttpProxy proxy = HttpProxy.reverseProxy(client)
                .origin(context -> {
                    URI upstream = routeOf(context).upstream();
                    return context.client().request(new RequestOptions()
                            .setServer(SocketAddress.inetSocketAddress(upstream.getPort(), upstream.getHost()))
                            .setIdleTimeout(config.upstreamTimeout().toMillis()));
                })
                .addInterceptor(upstreamErrors);
        // upgrades get connections of their own, never reused (see WebSocketTunnel): an upgrade sent on a pooled
        // connection that served requests before is answered as a plain request
        HttpClient upgrades = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis()));
        WebSocketTunnel tunnel = new WebSocketTunnel(upgrades, problems);
        shutdownGate.whenStopping(tunnel::restartAll);
        router.route("/api/*").order(10).handler(this::edge);
        router.route("/api/*").order(11).handler(ctx -> {
            if (WebSocketTunnel.isUpgrade(ctx.request())) {
                Route route = routes.find("GET", ctx.request().path()).orElseThrow();
                tunnel.forward(ctx, route.upstream(), route.service());
            } else {
                proxy.handle(ctx.request());
            }
        });
    }

    /** What the services accept (Vert.x's default initial line length). */
    static final int MAX_URI_LENGTH = 4000;
    /** Where Quarkus's HTTP metrics look for a request's path template (its uri tag). */
    private static final String URL_TEMPLATE = "UrlPathTemplate";
    private static final String ROUTE = "cognita.route";

    private void edge(RoutingContext ctx) {
        template("/api/{unrouted}");
        String requestId = EdgeRequest.assignRequestId(ctx);
        org.jboss.logging.MDC.put("requestId", requestId); // Quarkus keeps the MDC on the request's own Vert.x context
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(EdgeRequest.REQUEST_ID, requestId));
        if (!shutdownGate.admits(ctx)) {
            return;
        }
        String path = ctx.request().path();
        if (ctx.request().uri().length() > MAX_URI_LENGTH) {
            // read whole (the HTTP layer accepts longer lines) and refused here, so the client gets an answer
            // instead of a connection closed while it is still sending
            problems.sendInvalid(ctx, 414, "URI_TOO_LONG", "URI too long",
                    "The request target exceeds " + MAX_URI_LENGTH + " characters.", "$path", "at most " + MAX_URI_LENGTH + " characters");
            return;
        }
        if (hasDotSegment(path)) {
            // routes are matched on the raw path while services resolve dot segments: refuse them rather than
            // let /api/auth/oidc/../../internal/… pass as a public route
            problems.sendInvalid(ctx, 400, "INVALID_PATH", "Invalid path",
                    "Paths may not contain '.' or '..' segments, encoded or not.", "$path", "no dot segments");
            return;
        }
        if (isGatewayOwn(path)) {
            template(path.startsWith("/api/docs") ? "/api/docs/**" : path);
            ctx.next();
            return;
        }
        String method = ctx.request().method().name();
        Optional<Route> match = routes.find(method, path);
        match.ifPresent(route -> template(route.pattern().toString()));
        if (match.isEmpty()) {
            problems.send(ctx, 404, "NOT_FOUND", "Not Found", "No API route matches " + method + " " + path + ".");
            return;
        }
        Route route = match.get();
        io.vertx.core.Context request = Vertx.currentContext();
        if (request != null) {
            request.putLocal(ROUTE, new RoutedRequest(ctx.request(), route));
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && tooLarge(length, route.maxBodyBytes())) {
            problems.sendInvalid(ctx, 413, "PAYLOAD_TOO_LARGE", "Payload too large",
                    "The request body exceeds " + route.maxBodyBytes() + " bytes.", "$",
                    "at most " + route.maxBodyBytes() + " bytes");
            return;
        }
        ctx.request().pause();
        if (route.isPublic()) {
            admit(ctx, route, "ip:" + ClientAddress.bucket(client(ctx)));
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null && WebSocketTunnel.isUpgrade(ctx.request())) {
            // browsers cannot set headers on a WebSocket: their token comes as access_token and goes on as a header
            String fromQuery = ctx.request().getParam(WebSocketTunnel.ACCESS_TOKEN);
            if (fromQuery != null && !fromQuery.isBlank()) {
                authorization = "Bearer " + fromQuery;
                ctx.request().headers().set("Authorization", authorization);
            }
        }
        String bearer = authorization;
        Optional<TokenVerifier.VerifiedToken> remembered = tokens.remembered(authorization);
        if (remembered.isPresent()) {
            admitToken(ctx, route, remembered.get());
            return;
        }
        ctx.vertx().<Optional<TokenVerifier.VerifiedToken>>executeBlocking(() -> tokens.verify(bearer), false)
                .onComplete(result -> {
                    if (result.failed() || result.result().isEmpty()) {
                        ctx.response().putHeader("WWW-Authenticate", "Bearer");
                        problems.send(ctx, 401, "UNAUTHORIZED", "Unauthorized", "A valid bearer token is required.");
                        ctx.request().resume();
                        return;
                    }
                    admitToken(ctx, route, result.result().get());
                });
    }

    /** A verified token: refused when its session has ended, else on to the rate limits. */
    private void admitToken(RoutingContext ctx, Route route, TokenVerifier.VerifiedToken token) {
        revoked.isRevoked(token.sessionId()).onComplete(check -> {
            if (check.failed()) {
                // fail closed: a revoked token must never pass because the list could not be read
                ctx.response().putHeader("Retry-After", "5");
                problems.send(ctx, 503, "REVOCATION_CHECK_UNAVAILABLE", "Service unavailable",
                        "Whether this token's session has ended cannot be checked right now; retry shortly.");
                ctx.request().resume();
                return;
            }
            if (check.result()) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                problems.send(ctx, 401, "UNAUTHORIZED", "Unauthorized", "The session of this token has ended.");
                ctx.request().resume();
                return;
            }
            admit(ctx, route, "sub:" + token.subject());
        });
    }

    private void admit(RoutingContext ctx, Route route, String callerKey) {
        RateLimiter.Decision decision = limits.check(ctx.request().method().name(), ctx.request().path(), callerKey);
        if (decision != null) {
            ctx.response().putHeader("RateLimit-Policy", decision.policyHeader());
            ctx.response().putHeader("RateLimit", decision.stateHeader());
            if (decision.limited()) {
                rateLimited.increment();
                ctx.response().putHeader("Retry-After", Long.toString(decision.resetSeconds()));
                problems.send(ctx, 429, "RATE_LIMITED", "Too many requests",
                        "The rate limit " + decision.policy() + " is exhausted; retry after " + decision.resetSeconds() + " s.");
                ctx.request().resume();
                return;
            }
        }
        // the gateway is the edge: what a client claims in X-Forwarded-* is replaced by what the gateway saw (or, behind a
        // trusted proxy, by what that proxy saw)
        String peer = ctx.request().remoteAddress().hostAddress();
        ctx.request().headers().set("X-Forwarded-Proto", clients.scheme(peer, ctx.request().scheme(),
                ctx.request().headers().getAll("X-Forwarded-Proto")));
        ctx.request().headers().set("X-Forwarded-For", client(ctx));
        ctx.request().headers().remove("X-Forwarded-Host").remove("X-Forwarded-Port").remove("X-Forwarded-Prefix")
                .remove("Forwarded");
        // the client's trace context is continued by the gateway's own span; the upstream call carries the gateway's
        // (the proxy would otherwise copy the client's over it, and the service's span would skip the gateway)
        ctx.request().headers().remove("traceparent").remove("tracestate").remove("baggage");
        // a client waiting for "100 Continue" (curl does so above 1 MiB) hears it once the edge has admitted the
        // request, not after a second's timeout; the upstream gets the body without the expectation
        if ("100-continue".equalsIgnoreCase(ctx.request().getHeader("Expect"))) {
            ctx.request().headers().remove("Expect");
            ctx.response().writeContinue();
        }
        ctx.next();
    }

    static boolean hasDotSegment(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.equals(".") || decoded.equals("..") || segment.contains("%2f") || segment.contains("%2F")
                    || segment.contains("%5c") || segment.contains("%5C") || segment.contains("\\")) {
                return true;
            }
        }
        return false;
    }

    /** The route {@link #edge} found for the request (kept on the request's own Vert.x context), else looked up again. */
    private Route routeOf(io.vertx.httpproxy.ProxyContext context) {
        io.vertx.core.Context request = Vertx.currentContext();
        RoutedRequest found = request == null ? null : request.getLocal(ROUTE);
        io.vertx.core.http.HttpServerRequest proxied = context.request().proxiedRequest();
        if (found != null && found.request() == proxied) {
            return found.route();
        }
        return routes.find(proxied.method().name(), proxied.path()).orElseThrow();
    }

    private record RoutedRequest(io.vertx.core.http.HttpServerRequest request, Route route) {
    }

    private static boolean tooLarge(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength) > max;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    static boolean isGatewayOwn(String path) {
        return path.equals("/api/openapi") || path.equals("/api/docs") || path.startsWith("/api/docs/");
    }

    void started(@Observes StartupEvent ignored) {
        routes.all().forEach(r -> LOG.infof("route %s %s -> %s%s", r.methods().isEmpty() ? "*" : r.methods(),
                r.pattern(), r.service(), r.isPublic() ? " (public)" : ""));
    }
}
