package io.cognita.org;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real DNS server on loopback for the domain tests: Debian's dnsmasq on a free port, answering only
 * the TXT records a test publishes (it is restarted with the new records; nothing is forwarded).
 */
public class DnsServerResource implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> RECORDS = new ConcurrentHashMap<>();
    private static Process dnsmasq;
    private static int port;
    private static Path config;

    @Override
    public Map<String, String> start() {
        try {
            config = Files.createTempFile("cognita-dnsmasq", ".conf");
            config.toFile().deleteOnExit();
            port = freePort();
            restart();
            return Map.of("cognita.dns.server", "127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** Publishes TXT {@code name} = {@code value} (replacing what was there) and waits until it is served. */
    public static synchronized void publish(String name, String value) {
        RECORDS.put(name, value);
        try {
            restart();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server (until the next publish): the resolver then does not answer. */
    public static synchronized void takeDown() {
        stopServer();
    }

    private static void restart() throws IOException {
        stopServer();
        Files.writeString(config, RECORDS.entrySet().stream()
                .map(r -> "txt-record=" + r.getKey() + ",\"" + r.getValue() + "\"").collect(Collectors.joining("\n", "", "\n")));
        String binary = Files.exists(Path.of("/usr/sbin/dnsmasq")) ? "/usr/sbin/dnsmasq" : "dnsmasq";
        dnsmasq = new ProcessBuilder(binary, "--keep-in-foreground", "--no-resolv", "--no-hosts", "--no-poll",
                "--bind-interfaces", "--listen-address=127.0.0.1", "--port=" + port, "--user=root",
                "--pid-file=", "--conf-file=" + config).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!dnsmasq.isAlive()) {
                    throw new IllegalStateException("dnsmasq exited (deploy/local/test.sh installs dnsmasq-base)");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("dnsmasq did not listen on " + port);
    }

    private static void stopServer() {
        if (dnsmasq != null) {
            dnsmasq.destroy();
            try {
                if (!dnsmasq.waitFor(5, TimeUnit.SECONDS)) {
                    dnsmasq.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dnsmasq = null;
        }
    }

    private static int freePort() throws IOException {
        for (int i = 0; i < 20; i++) {
            int candidate;
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                candidate = tcp.getLocalPort();
            }
            try (DatagramSocket udp = new DatagramSocket(candidate, InetAddress.getLoopbackAddress())) {
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port for DNS");
    }
}
