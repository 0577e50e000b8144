package io.cognita.org.messaging;

import io.cognita.org.service.BillingService;
import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** usage.recorded (billable minutes, from transcription-service) → usage of the period. */
@ApplicationScoped
public class UsageFeed implements EventHandler {

    private final BillingService billing;

    public UsageFeed(BillingService billing) {
        this.billing = billing;
    }

    @Override
    public String name() {
        return "usage";
    }

    @Override
    public String topic() {
        return "cognita.transcription";
    }

    @Override
    public Set<String> types() {
        return Set.of("usage.recorded");
    }

    @Override
    public void handle(IncomingEvent event) {
        UUID orgId = UUID.fromString(event.orgId());
        String meter = event.data().path("meter").asText(BillingService.TRANSCRIPTION_MINUTES);
        long quantity = event.data().path("quantity").asLong();
        if (quantity <= 0) {
            throw new IllegalArgumentException("usage.recorded without a positive quantity");
        }
        String at = event.data().path("recordedAt").asText(null);
        billing.recordUsage(orgId, meter, quantity, at == null ? Instant.now() : Instant.parse(at));
    }

    /** One event per transaction: usage lands in a billing period that an invoice may close meanwhile, so the shorter the transaction the better. */
    @Override
    public boolean handlesTogether() {
        return false;
    }
}
