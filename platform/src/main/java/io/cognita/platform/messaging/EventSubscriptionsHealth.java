package io.cognita.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Reports how many events went to a dead-letter topic; dead letters need an operator, not a restart (always UP). */
@Liveness
@ApplicationScoped
public class EventSubscriptionsHealth implements HealthCheck {

    private final EventSubscriptions subscriptions;

    public EventSubscriptionsHealth(EventSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-subscriptions").up()
                .withData("deadLettered", subscriptions.deadLettered()).build();
    }
}
