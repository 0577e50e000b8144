package io.cognita.org.messaging;

import io.cognita.org.service.UserDirectory;
import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** identity's user events → org-service's user directory, invitations and payer ownership. */
@ApplicationScoped
public class UserDirectoryFeed implements EventHandler {

    private final UserDirectory directory;

    public UserDirectoryFeed(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "user-directory";
    }

    @Override
    public String topic() {
        return "cognita.identity";
    }

    @Override
    public Set<String> types() {
        return Set.of("user.registered", "user.email-verified", "user.deleted");
    }

    @Override
    public void handle(IncomingEvent event) {
        String userId = event.data().path("userId").asText();
        switch (event.type()) {
            case "user.registered" -> directory.registered(userId, event.data().path("email").asText());
            case "user.email-verified" -> directory.verified(userId, event.data().path("email").asText());
            case "user.deleted" -> directory.deleted(userId);
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }

    /** One event per transaction: it locks the org row (seats) that member requests lock too. */
    @Override
    public boolean handlesTogether() {
        return false;
    }
}
