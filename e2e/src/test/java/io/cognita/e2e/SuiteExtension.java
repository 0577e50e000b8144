package io.cognita.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the {@link Suite} once for all e2e test classes (the first one to run starts it) and stops it
 * when the whole run ends, through JUnit's root store.
 */
public class SuiteExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Suite.class, key -> Suite.startShared(), Suite.class);
    }
}
