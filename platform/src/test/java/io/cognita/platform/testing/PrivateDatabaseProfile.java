package io.cognita.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Runs the application under test against a {@link PrivatePostgres} of its own, which the test may stop and
 * start ({@link #database()}) to see how the service lives through a database outage.
 */
public class PrivateDatabaseProfile implements QuarkusTestProfile {

    private static volatile PrivatePostgres database;

    /** The running test's private server. */
    public static PrivatePostgres database() {
        return database;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cognita.events.stall-bound", "3s");
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            database = PrivatePostgres.start();
            return Map.of("cognita.db.host", "127.0.0.1", "cognita.db.port", Integer.toString(database.port()),
                    "cognita.db.name", "postgres", "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "trust-auth-ignores-it");
        }

        @Override
        public void stop() {
            if (database != null) {
                database.close();
                database = null;
            }
        }
    }
}
