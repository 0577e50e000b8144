package io.cognita.gateway.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where a stopping gateway stops taking requests. Quarkus's graceful shutdown, once its delay is over, waits for the
 * requests in flight (up to its timeout) and then closes the HTTP server — which accepted requests until that very
 * moment: one that came in between was proxied, then cut when the server closed (its upstream stream reset; a 503 or
 * a dropped answer for the client). So the edge stops taking requests as the delay ends (a moment before, to be clear
 * of the race), and only those it took are waited for. A request that still arrives is turned away in the way a
 * balancer or client resends elsewhere, nothing of it having been done: over HTTP/2 its stream alone is refused
 * (REFUSED_STREAM; the connection's other streams go on); over HTTP/1.1 an idempotent request by closing its
 * connection unanswered (nginx and ingress controllers resend it to another gateway), any other by a 503 with
 * {@code Connection: close} and {@code Retry-After}. Open WebSocket tunnels are told to reconnect (1012) as soon as
 * the delay begins, and no new one is opened from then on.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
    /** How long before the end of the delay the gate closes. */
    static final Duration MARGIN = Duration.ofMillis(250);
    private static final long REFUSED_STREAM = 0x7;

    private final Duration open;
    private final ProblemWriter problems;
    private final Counter turnedAway;
    private final List<Runnable> whenStopping = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private volatile boolean closing;
    private volatile long closesAt;

    public ShutdownGate(ProblemWriter problems, MeterRegistry meters,
                        @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay) {
        this.problems = problems;
        Duration rest = delay.orElse(Duration.ZERO).minus(MARGIN);
        this.open = rest.isNegative() ? Duration.ZERO : rest;
        this.turnedAway = Counter.builder("cognita.gateway.shutdown.turned.away")
                .description("requests refused because the gateway was stopping (resendable: nothing of them was done)")
                .register(meters);
    }

    /** {@code action} runs as the gateway begins to stop (the shutdown delay begins). */
    void whenStopping(Runnable action) {
        whenStopping.add(action);
    }

    void delayBegins(@Observes ShutdownDelayInitiatedEvent event) {
        closesAt = System.nanoTime() + open.toNanos();
        closing = true;
        stopping = true;
        LOG.infof("shutting down: requests taken for %s more", open);
        whenStopping.forEach(Runnable::run);
    }

    /** Whether the request may go on; when the gate has closed, the request is turned away (answered or closed) instead. */
    boolean admits(RoutingContext ctx) {
        if (stopping && WebSocketTunnel.isUpgrade(ctx.request())) {
            // a socket opened now would be cut in a moment: the client is sent elsewhere before it is opened
            turnedAway.increment();
            ctx.response().putHeader("Connection", "close").putHeader("Retry-After", "1");
            problems.send(ctx, 503, "SERVICE_UNAVAILABLE", "Service unavailable",
                    "This gateway is shutting down; open the socket again.");
            return false;
        }
        if (!closing || System.nanoTime() - closesAt < 0) {
            return true;
        }
        turnedAway.increment();
        if (ctx.request().version() == HttpVersion.HTTP_2) {
            ctx.response().reset(REFUSED_STREAM);
        } else if (IDEMPOTENT.contains(ctx.request().method().name())) {
            ctx.request().connection().close();
        } else {
            ctx.response().putHeader("Connection", "close").putHeader("Retry-After", "1");
            problems.send(ctx, 503, "SERVICE_UNAVAILABLE", "Service unavailable",
                    "This gateway is shutting down and did not act on the request; retry it.");
        }
        return false;
    }
}
