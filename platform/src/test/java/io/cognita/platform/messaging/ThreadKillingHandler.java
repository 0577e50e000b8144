package io.cognita.platform.messaging;

import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** A handler that kills its consumer thread (an Error no handler should throw), on only where a test profile enables it. */
@ApplicationScoped
@LookupIfProperty(name = "platform-test.thread-killer", stringValue = "true", lookupIfMissing = false)
public class ThreadKillingHandler implements EventHandler {

    static final String TYPE = "platform-test.kill-consumer-thread";
    /** Only an event of this run kills (one left over from an earlier run is skipped). */
    static volatile String armedFor;

    @Override
    public String name() {
        return "thread-killer";
    }

    @Override
    public String topic() {
        return "cognita.platform-test";
    }

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    /** An Error as a JVM would throw it, not one that makes the test JVM itself exit. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated: the consumer thread dies");
        }
    }

    @Override
    public void handle(IncomingEvent event) {
        if (event.data().path("run").asText().equals(armedFor)) {
            throw new SimulatedCrash();
        }
    }
}
