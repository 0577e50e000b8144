package io.cognita.platform.testing;

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
 * A real DNS server on loopback for tests: Debian's dnsmasq on a free port (deploy/local/test.sh installs
 * dnsmasq-base), answering only the TXT records a test publishes; it is restarted with the new records on
 * the same port, and nothing is forwarded. Stopped by its own process handle.
 */
public final class DnsServer implements AutoCloseable {

    private final Map<String, String> records = new ConcurrentHashMap<>();
    private final Path config;
    private final int port;
    private Process dnsmasq;

    public DnsServer() {
        try {
            config = Files.createTempFile("cognita-dnsmasq", ".conf");
            config.toFile().deleteOnExit();
            port = freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts serving (no records yet); returns this. */
    public synchronized DnsServer start() {
        restart();
        return this;
    }

    /** {@code 127.0.0.1:<port>}, the value of {@code cognita.dns.server}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Publishes TXT {@code name} = {@code value} (replacing what was there) and waits until it is served. */
    public synchronized void publish(String name, String value) {
        records.put(name, value);
        restart();
    }

    /** Stops answering until the next publish. */
    public synchronized void takeDown() {
        stopProcess();
    }

    @Override
    public synchronized void close() {
        stopProcess();
    }

    private void restart() {
        stopProcess();
        try {
            Files.writeString(config, records.entrySet().stream()
                    .map(r -> "txt-record=" + r.getKey() + ",\"" + r.getValue() + "\"").collect(Collectors.joining("\n", "", "\n")));
            String binary = Files.exists(Path.of("/usr/sbin/dnsmasq")) ? "/usr/sbin/dnsmasq" : "dnsmasq";
            dnsmasq = new ProcessBuilder(binary, "--keep-in-foreground", "--no-resolv", "--no-hosts", "--no-poll",
                    "--bind-interfaces", "--listen-address=127.0.0.1", "--port=" + port, "--user=root",
                    "--pid-file=", "--conf-file=" + config).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("dnsmasq did not start (deploy/local/test.sh installs dnsmasq-base)", e);
        }
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

    private void stopProcess() {
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
