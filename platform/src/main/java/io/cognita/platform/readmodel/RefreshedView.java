package io.cognita.platform.readmodel;

import io.cognita.platform.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * An in-memory copy of an event-fed table, read on every request without a database round trip. The first refresh
 * loads the table whole; each later one reads only the rows changed since the newest change it has seen, looking
 * {@link #LOOK_BACK} further back for transactions that committed after a later one had been read. Every replica
 * refreshes its own copy (the event that changed a row was handled by one replica of the service only), so a change
 * reaches every replica within one refresh interval. A copy whose last good refresh is older than its staleness
 * bound (the database has been unreachable) answers 503 instead of a stale answer.
 */
public final class RefreshedView<K, V> {

    /** A row as the table has it now, and when it last changed (the database's clock). */
    public record Change<K, V>(K key, V value, Instant changedAt) {
    }

    static final Duration LOOK_BACK = Duration.ofSeconds(5);

    private final String name;
    private final Function<Instant, List<Change<K, V>>> changedSince;
    private final Duration maxStaleness;
    private final LongSupplier nanoClock;
    private final Map<K, V> entries = new ConcurrentHashMap<>();
    private volatile Instant newestChange;
    private volatile long refreshedAt;
    private volatile boolean loaded;

    /**
     * {@code changedSince} reads the rows changed after an instant (inside a transaction of the caller's); a view
     * not refreshed for {@code maxStaleness} refuses to answer.
     */
    public RefreshedView(String name, Function<Instant, List<Change<K, V>>> changedSince, Duration maxStaleness) {
        this(name, changedSince, maxStaleness, System::nanoTime);
    }

    RefreshedView(String name, Function<Instant, List<Change<K, V>>> changedSince, Duration maxStaleness, LongSupplier nanoClock) {
        this.name = name;
        this.changedSince = changedSince;
        this.maxStaleness = maxStaleness;
        this.nanoClock = nanoClock;
    }

    /** Reads the changes since the last refresh (everything the first time). */
    public synchronized void refresh() {
        Instant since = loaded ? newestChange.minus(LOOK_BACK) : Instant.EPOCH;
        Instant newest = loaded ? newestChange : Instant.EPOCH;
        for (Change<K, V> change : changedSince.apply(since)) {
            entries.put(change.key(), change.value());
            if (change.changedAt().isAfter(newest)) {
                newest = change.changedAt();
            }
        }
        newestChange = newest;
        refreshedAt = nanoClock.getAsLong();
        loaded = true;
    }

    public boolean loaded() {
        return loaded;
    }

    /** The value the table had at the last refresh; 503 when that refresh is too old to trust. */
    public Optional<V> get(K key) {
        if (!loaded || nanoClock.getAsLong() - refreshedAt > maxStaleness.toNanos()) {
            throw new ProblemException(503, "DATABASE_UNAVAILABLE", "Service unavailable",
                    "The service cannot read its " + name + " right now; retry shortly.", null, Map.of("Retry-After", "5"));
        }
        return Optional.ofNullable(entries.get(key));
    }

    /** Forgets the entries that no longer matter (revocations past their tokens' lifetime, say). */
    public void forgetIf(Predicate<V> obsolete) {
        entries.values().removeIf(obsolete);
    }

    /** A timestamp column as the JDBC driver hands it over. */
    public static Instant instant(Object column) {
        if (column instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) column;
    }

    public int size() {
        return entries.size();
    }
}
