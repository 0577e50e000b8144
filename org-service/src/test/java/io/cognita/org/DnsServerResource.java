package io.cognita.org;

import io.cognita.platform.testing.DnsServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real DNS server on loopback for the domain tests ({@link DnsServer}), pointed at by {@code cognita.dns.server}. */
public class DnsServerResource implements QuarkusTestResourceLifecycleManager {

    private static DnsServer server;

    @Override
    public Map<String, String> start() {
        server = new DnsServer().start();
        return Map.of("cognita.dns.server", server.address());
    }

    @Override
    public void stop() {
        server.close();
    }

    /** Publishes TXT {@code name} = {@code value} (replacing what was there) and waits until it is served. */
    public static void publish(String name, String value) {
        server.publish(name, value);
    }

    /** Stops the server (until the next publish): the resolver then does not answer. */
    public static void takeDown() {
        server.takeDown();
    }
}
