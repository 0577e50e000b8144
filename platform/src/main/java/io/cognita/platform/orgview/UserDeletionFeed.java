package io.cognita.platform.orgview;

import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** A user deleted at identity leaves every org of {@link OrgView}. */
@ApplicationScoped
@LookupIfProperty(name = "cognita.org-view.enabled", stringValue = "true")
public class UserDeletionFeed implements EventHandler {

    private final OrgView view;

    public UserDeletionFeed(OrgView view) {
        this.view = view;
    }

    @Override
    public String name() {
        return "org-view-users";
    }

    @Override
    public String topic() {
        return "cognita.identity";
    }

    @Override
    public Set<String> types() {
        return Set.of("user.deleted");
    }

    @Override
    public void handle(IncomingEvent event) {
        view.userDeleted(event.data().path("userId").asText());
    }
}
