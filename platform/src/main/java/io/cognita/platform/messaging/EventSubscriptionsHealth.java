package io.cognita.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * The event consumers' health. Liveness: every consumer thread is alive (a dead one needs a restart).
 * Readiness: no consumer has been stalled on a transient fault for longer than {@code cognita.events.stall-bound}.
 * Dead letters are counted (they need an operator, not a restart).
 */
public final class EventSubscriptionsHealth {

    private EventSubscriptionsHealth() {
    }

    @Liveness
    @ApplicationScoped
    public static class Threads implements HealthCheck {
        private final EventSubscriptions subscriptions;

        public Threads(EventSubscriptions subscriptions) {
            this.subscriptions = subscriptions;
        }

        @Override
        public HealthCheckResponse call() {
            var response = HealthCheckResponse.named("event-consumers").up()
                    .withData("deadLettered", subscriptions.deadLettered());
            for (EventSubscriptions.Subscription s : subscriptions.subscriptions()) {
                response.withData(s.handler(), s.alive() ? "running" : "dead");
                if (!s.alive()) {
                    response.down();
                }
            }
            return response.build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Progress implements HealthCheck {
        private final EventSubscriptions subscriptions;
        private final Duration stallBound;

        public Progress(EventSubscriptions subscriptions,
                        @ConfigProperty(name = "cognita.events.stall-bound", defaultValue = "60s") Duration stallBound) {
            this.subscriptions = subscriptions;
            this.stallBound = stallBound;
        }

        @Override
        public HealthCheckResponse call() {
            var response = HealthCheckResponse.named("event-consumers-progress").up();
            Instant now = Instant.now();
            for (EventSubscriptions.Subscription s : subscriptions.subscriptions()) {
                Instant since = s.stalledSince();
                if (since != null) {
                    response.withData(s.handler(), "stalled since " + since + ": " + s.lastFault());
                    if (Duration.between(since, now).compareTo(stallBound) > 0) {
                        response.down();
                    }
                }
            }
            return response.build();
        }
    }
}
