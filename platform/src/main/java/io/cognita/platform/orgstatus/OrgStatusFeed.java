package io.cognita.platform.orgstatus;

import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** Feeds {@link OrgStatusView} from cognita.org; on in a service with {@code cognita.org-status.enabled=true}. */
@ApplicationScoped
@LookupIfProperty(name = "cognita.org-status.enabled", stringValue = "true")
public class OrgStatusFeed implements EventHandler {

    private final OrgStatusView view;

    public OrgStatusFeed(OrgStatusView view) {
        this.view = view;
    }

    @Override
    public String name() {
        return "org-status";
    }

    @Override
    public String topic() {
        return "cognita.org";
    }

    @Override
    public Set<String> types() {
        return Set.of("org.created", "org.suspended", "org.resumed", "org.deleted");
    }

    @Override
    public void handle(IncomingEvent event) {
        UUID orgId = UUID.fromString(event.orgId());
        switch (event.type()) {
            case "org.created", "org.resumed" -> view.record(orgId, OrgStatusView.Status.ACTIVE, null);
            case "org.suspended" -> view.record(orgId, OrgStatusView.Status.SUSPENDED, event.data().path("reason").asText(null));
            case "org.deleted" -> view.record(orgId, OrgStatusView.Status.DELETED, null);
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }
}
