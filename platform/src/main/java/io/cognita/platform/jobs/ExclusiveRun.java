package io.cognita.platform.jobs;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a scheduled job on one replica at a time: the job holds a PostgreSQL advisory lock named after it
 * (on a connection of its own, for as long as it runs); a replica that finds the lock taken skips its turn.
 * The lock goes with the connection, so a replica that dies mid-run frees it.
 */
@ApplicationScoped
public class ExclusiveRun {

    private final AgroalDataSource dataSource;

    public ExclusiveRun(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The job's result, or empty when another replica (or thread) is running the job named {@code name}. */
    public <T> Optional<T> ifFree(String name, Supplier<T> job) {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!call(lockHolder, "SELECT pg_try_advisory_lock(hashtext(?))", name)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(job.get());
            } finally {
                call(lockHolder, "SELECT pg_advisory_unlock(hashtext(?))", name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("advisory lock for job " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean call(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
