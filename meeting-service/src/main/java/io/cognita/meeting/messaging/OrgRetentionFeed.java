package io.cognita.meeting.messaging;

import io.cognita.meeting.service.MeetingHousekeeping;
import io.cognita.platform.messaging.EventHandler;
import io.cognita.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** org.retention-updated applies at once: recordings older than the new retention go now, not at the next run. */
@ApplicationScoped
public class OrgRetentionFeed implements EventHandler {

    private final MeetingHousekeeping housekeeping;

    public OrgRetentionFeed(MeetingHousekeeping housekeeping) {
        this.housekeeping = housekeeping;
    }

    @Override
    public String name() {
        return "meeting-retention";
    }

    @Override
    public String topic() {
        return "cognita.org";
    }

    @Override
    public Set<String> types() {
        return Set.of("org.retention-updated");
    }

    @Override
    public void handle(IncomingEvent event) {
        housekeeping.applyRetention(UUID.fromString(event.orgId()), event.data().path("retentionPolicy").path("recordings").asText(null));
    }

    /** One event per transaction: it deletes recordings from object storage. */
    @Override
    public boolean handlesTogether() {
        return false;
    }
}
