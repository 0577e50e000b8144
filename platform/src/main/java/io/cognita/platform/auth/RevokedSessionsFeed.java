package io.cognita.platform.auth;

import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Feeds {@link RevokedSessions} from cognita.identity; on in a service with {@code cognita.revoked-sessions.enabled=true}. */
@ApplicationScoped
@LookupIfProperty(name = "cognita.revoked-sessions.enabled", stringValue = "true")
public class RevokedSessionsFeed implements EventHandler {

    /** When an event lacks accessValidUntil: longer than any access token lives. */
    static final Duration FALLBACK = Duration.ofDays(1);

    private final RevokedSessions sessions;

    public RevokedSessionsFeed(RevokedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "revoked-sessions";
    }

    @Override
    public String topic() {
        return "cognita.identity";
    }

    @Override
    public Set<String> types() {
        return Set.of("session.revoked");
    }

    @Override
    public void handle(IncomingEvent event) {
        String sessionId = event.data().path("sessionId").asText(null);
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("session.revoked without sessionId");
        }
        String until = event.data().path("accessValidUntil").asText(null);
        sessions.record(sessionId, until == null ? Instant.now().plus(FALLBACK) : Instant.parse(until));
    }

    /** One event per transaction: it deletes expired rows that every replica's consumer deletes too. */
    @Override
    public boolean handlesTogether() {
        return false;
    }
}
