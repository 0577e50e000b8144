package io.cognita.platform.orgview;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Feeds {@link OrgView} from cognita.org (and user deletions from cognita.identity's twin feed). */
@ApplicationScoped
@LookupIfProperty(name = "cognita.org-view.enabled", stringValue = "true")
public class OrgViewFeed implements EventHandler {

    private final OrgView view;

    public OrgViewFeed(OrgView view) {
        this.view = view;
    }

    @Override
    public String name() {
        return "org-view";
    }

    @Override
    public String topic() {
        return "cognita.org";
    }

    @Override
    public Set<String> types() {
        return Set.of("org.created", "org.updated", "org.settings-updated", "org.retention-updated", "org.plan-changed",
                "org.member-added", "org.member-removed", "org.deleted");
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode data = event.data();
        UUID orgId = UUID.fromString(event.orgId());
        switch (event.type()) {
            case "org.created", "org.updated" -> view.profile(orgId, data.get("settings"), data.get("retentionPolicy"),
                    data.get("entitlements"), data.get("featureFlags"));
            case "org.settings-updated" -> view.profile(orgId, data.get("settings"), null, null, null);
            case "org.retention-updated" -> view.profile(orgId, null, data.get("retentionPolicy"), null, null);
            case "org.plan-changed" -> view.profile(orgId, null, null, data.get("entitlements"), data.get("featureFlags"));
            case "org.member-added" -> view.member(orgId, required(data, "userId"), OrgRole.fromWire(required(data, "role")));
            case "org.member-removed" -> view.noLongerMember(orgId, required(data, "userId"));
            case "org.deleted" -> view.deleted(orgId, data.hasNonNull("at") ? Instant.parse(data.get("at").asText()) : Instant.now());
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }

    private static String required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("event without " + field);
        }
        return value.asText();
    }
}
