package io.cognita.platform.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The outbox's backlog and the age of its oldest row ({@code cognita_outbox_backlog},
 * {@code cognita_outbox_oldest_age_seconds}): read every 15 s, not at each scrape, so a scrape never waits on the
 * database. A relay that cannot publish shows as a growing age (the CognitaOutboxLag alert).
 */
@ApplicationScoped
public class OutboxMeters {

    private static final Logger LOG = Logger.getLogger(OutboxMeters.class);

    private final AgroalDataSource dataSource;
    // NaN while the outbox cannot be read: a stale figure would hide the lag the alert is for
    private volatile double backlog;
    private volatile double oldestAgeSeconds;

    public OutboxMeters(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("cognita.outbox.backlog", this, m -> m.backlog).description("events waiting in the outbox").register(registry);
        Gauge.builder("cognita.outbox.oldest.age.seconds", this, m -> m.oldestAgeSeconds)
                .description("how long the oldest event has waited in the outbox").register(registry);
    }

    @Scheduled(every = "${cognita.metrics.outbox-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) FROM outbox")) {
            if (row.next()) {
                backlog = row.getLong(1);
                oldestAgeSeconds = row.getLong(2);
            }
        } catch (SQLException e) {
            backlog = Double.NaN;
            oldestAgeSeconds = Double.NaN;
            LOG.debugf("outbox meters not refreshed: %s", e.getMessage());
        }
    }

    /** Reads the outbox now (tests). */
    public void refreshNow() {
        refresh();
    }
}
