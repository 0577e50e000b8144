package io.cognita.platform.housekeeping;

import io.agroal.api.AgroalDataSource;
import io.cognita.platform.jobs.ExclusiveRun;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes what is past its use: every {@link CleanupRule} (platform's inbox, idempotency keys and ended
 * revocations, and each service's own), on one replica at a time, in batches so no table is locked for long.
 * How many rows each rule removed is logged.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final int BATCH = 5000;

    private final Instance<CleanupRule> rules;
    private final AgroalDataSource dataSource;
    private final ExclusiveRun exclusive;
    private final Config config;
    private final Clock clock;

    public Housekeeping(Instance<CleanupRule> rules, AgroalDataSource dataSource, ExclusiveRun exclusive, Config config,
                        Clock clock) {
        this.rules = rules;
        this.dataSource = dataSource;
        this.exclusive = exclusive;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${cognita.housekeeping.every}", delayed = "${cognita.housekeeping.first-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "housekeeping")
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf("housekeeping failed, next run retries: %s", e.toString());
        }
    }

    /** One pass over every rule; the rows removed per rule (empty when another replica is running it). */
    public Map<String, Integer> runOnce() {
        return exclusive.ifFree("housekeeping", () -> {
            Map<String, Integer> removed = new LinkedHashMap<>();
            List<CleanupRule> ordered = rules.stream().sorted(Comparator.comparingInt(CleanupRule::order)).toList();
            for (CleanupRule rule : ordered) {
                Duration retention = config.getOptionalValue("cognita.housekeeping.retention." + rule.name(), Duration.class)
                        .orElse(rule.defaultRetention());
                try {
                    int count = clean(rule, Timestamp.from(clock.instant().minus(retention)));
                    removed.put(rule.name(), count);
                    if (count > 0) {
                        LOG.infof("housekeeping: %s removed %d rows (retention %s)", rule.name(), count, retention);
                    }
                } catch (RuntimeException e) {
                    // one rule's fault (a lock, a timeout) does not keep the others from running
                    LOG.warnf("housekeeping: %s failed, next run retries: %s", rule.name(), e.getMessage());
                    removed.put(rule.name(), -1);
                }
            }
            return removed;
        }).orElse(Map.of());
    }

    private int clean(CleanupRule rule, Timestamp cutoff) {
        String sql = "DELETE FROM " + rule.table() + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + rule.table()
                + " WHERE " + rule.condition().replace(":cutoff", "?") + " LIMIT " + BATCH + "))";
        int parameters = rule.condition().split(":cutoff", -1).length - 1;
        int total = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            for (int i = 1; i <= parameters; i++) {
                delete.setTimestamp(i, cutoff);
            }
            int batch;
            do {
                batch = delete.executeUpdate();
                total += batch;
            } while (batch == BATCH);
            return total;
        } catch (SQLException e) {
            throw new IllegalStateException("housekeeping " + rule.name() + ": " + e.getMessage(), e);
        }
    }
}
