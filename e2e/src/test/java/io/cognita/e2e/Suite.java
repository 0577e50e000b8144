package io.cognita.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged services as real processes (java -jar …/quarkus-run.jar), on their standard ports, against
 * the test database and the Kafka broker of the test run, identity's mail going to a real SMTP server
 * ({@link Mailbox}) in this JVM and org-service's DNS lookups to a real DNS server (dnsmasq) on loopback. Stopped by their own process handles. One suite serves every test class
 * ({@link SuiteExtension}); {@link #shared()} is it.
 */
final class Suite implements AutoCloseable, org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource {

    private static Suite shared;

    static final String GATEWAY = "http://localhost:3000";
    private static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("identity-service", 8081);
        SERVICES.put("org-service", 8082);
        SERVICES.put("workspace-service", 8083);
        SERVICES.put("meeting-service", 8084);
        SERVICES.put("transcription-service", 8085);
        SERVICES.put("gateway", 3000);
    }

    final String adminEmail = "e2e-admin-" + UUID.randomUUID() + "@cognita.test";
    final String adminPassword = UUID.randomUUID().toString();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** What each launched instance runs: its module and port (for restarting it). */
    private final Map<String, Map.Entry<String, Integer>> instances = new LinkedHashMap<>();
    private Path signingKey;
    private final String internalToken = UUID.randomUUID().toString();
    private final Path root = Path.of(System.getProperty("cognita.root", "..")).toAbsolutePath().normalize();
    private final Path work;
    final Mailbox mailbox = new Mailbox();
    /** Where every service exports its spans (OTLP over HTTP). */
    TraceCollector traces;
    OpenApiConformance conformance;
    final io.cognita.platform.testing.DnsServer dns = new io.cognita.platform.testing.DnsServer();
    private boolean closed;
    private Process redis;
    /** A second transcription-service replica (live frames cross replicas through Redis); not behind the gateway. */
    static final int TRANSCRIPTION_REPLICA_PORT = 8086;
    private int redisPort;

    static synchronized Suite startShared() {
        Suite suite = new Suite();
        try {
            suite.start();
        } catch (Exception e) {
            suite.close();
            throw new IllegalStateException("the e2e suite did not start: " + e.getMessage(), e);
        }
        shared = suite;
        return suite;
    }

    static synchronized Suite shared() {
        if (shared == null) {
            throw new IllegalStateException("the suite is not started: annotate the test class with @ExtendWith(SuiteExtension.class)");
        }
        return shared;
    }

    Suite() {
        try {
            work = Files.createDirectories(root.resolve("e2e/target/e2e-run"));
            try (var old = Files.newDirectoryStream(work, "*.log")) {
                for (Path log : old) {
                    Files.delete(log); // each run's logs alone (the JSON-lines check reads them)
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start() throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>(SERVICES);
        ports.put("transcription-service-2", TRANSCRIPTION_REPLICA_PORT);
        for (Map.Entry<String, Integer> s : ports.entrySet()) {
            if (listening(s.getValue())) {
                throw new IllegalStateException("port " + s.getValue() + " is taken (is the local suite running? "
                        + "stop it with deploy/local/down.sh) — " + s.getKey() + " cannot start for the e2e tests");
            }
        }
        mailbox.start();
        dns.start();
        traces = new TraceCollector();
        signingKey = work.resolve("signing-key.pem");
        Files.writeString(signingKey, newPrivateKeyPem());
        redisPort = freePort();
        redis = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(redisPort), "--save", "",
                "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("redis.log").toFile()))
                .start();
        Files.writeString(work.resolve("redis.pid"), Long.toString(redis.pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(redis::destroyForcibly));
        for (Map.Entry<String, Integer> s : SERVICES.entrySet()) {
            launch(s.getKey(), s.getKey(), s.getValue());
        }
        launch("transcription-service-2", "transcription-service", TRANSCRIPTION_REPLICA_PORT);
        // from here on, every call through the gateway is checked against the merged document it serves
        Files.writeString(work.resolve("openapi.json"), new String(URI.create(GATEWAY + "/api/openapi").toURL().openStream().readAllBytes()));
        conformance = new OpenApiConformance(GATEWAY + "/api/openapi", GATEWAY);
        io.restassured.RestAssured.filters(conformance);
    }

    /** Stops one service (its own process, by handle) and waits until it has exited: a real outage. */
    synchronized void stop(String service) throws InterruptedException {
        Process p = processes.remove(service);
        p.destroy();
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Sends a service SIGTERM, as Kubernetes does, without waiting: the caller watches it go. */
    synchronized Process terminate(String service) {
        Process p = processes.remove(service);
        if (p != null) {
            p.destroy();
        }
        return p;
    }

    /** Starts the second transcription-service replica again and waits until it is ready. */
    synchronized void restartTranscriptionReplica() throws Exception {
        launch("transcription-service-2", "transcription-service", TRANSCRIPTION_REPLICA_PORT);
    }

    /** Starts a stopped service (or another instance of one, see {@link #launchInstance}) again and waits until it is ready. */
    synchronized void restart(String service) throws Exception {
        Map.Entry<String, Integer> instance = instances.get(service);
        launch(service, instance.getKey(), instance.getValue());
    }

    /** Starts one more instance of a module under its own name and port (a second gateway, say) and waits until it is ready. */
    synchronized void launchInstance(String name, String module, int port) throws Exception {
        launch(name, module, port);
    }

    /** The process id of a running service (for its resident memory). */
    long pid(String service) {
        return processes.get(service).pid();
    }

    Path work() {
        return work;
    }

    /** The log file of a service of the shared suite (the replica of transcription-service writes its own). */
    static Path logOf(String service) {
        return shared().work().resolve(service + ".log");
    }

    private void launch(String service, String module, int port) throws Exception {
        instances.put(service, Map.entry(module, port));
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the e2e module after `mvn package` of the services");
        }
        Path key = signingKey;
        {
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(service + ".log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("COGNITA_DB_NAME", "cognita_e2e");
            env.put("COGNITA_DB_PASSWORD", "dev-only-" + module.replace("-service", ""));
            env.put("COGNITA_TRANSCRIPTION_PORT", Integer.toString(port));
            env.put("COGNITA_GATEWAY_PORT", Integer.toString(port));
            env.put("COGNITA_REDIS_URL", "redis://127.0.0.1:" + redisPort);
            env.put("COGNITA_RECORDINGS_DIR", work.resolve("recordings").toString());
            env.put("COGNITA_INTERNAL_TOKEN", internalToken);
            env.put("COGNITA_PUBLIC_WS_URL", "ws://localhost:3000");
            env.put("COGNITA_SIGNING_KEY", key.toString());
            env.put("COGNITA_ADMIN_EMAIL", adminEmail);
            env.put("COGNITA_ADMIN_PASSWORD", adminPassword);
            env.put("COGNITA_SMTP_HOST", "127.0.0.1");
            env.put("COGNITA_SMTP_PORT", Integer.toString(mailbox.port()));
            env.put("COGNITA_SMTP_STARTTLS", "DISABLED");
            env.put("COGNITA_TRUSTED_PROXIES", "127.0.0.1,::1/128");
            // the gateway's own tests cover its rate limits; here they would keep the fuzzer's calls from the services
            env.put("COGNITA_RATE_DEFAULT", "1000000");
            env.put("COGNITA_RATE_ORG_CREATE", "1000000");
            env.put("COGNITA_RATE_LOGIN", "1000000");
            env.put("COGNITA_PUBLIC_URL", "http://localhost:3000");
            env.put("COGNITA_DNS_SERVER", dns.address());
            env.put("COGNITA_OTLP_ENDPOINT", traces.endpoint());
            env.put("COGNITA_OTLP_PROTOCOL", "http/protobuf");
            // spans leave in batches every half second (5 s in production) so the tracing test waits less
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms");
            // each event a consumer handles, logged (DEBUG) with the request and trace ids the event carried
            env.put("QUARKUS_LOG_CATEGORY__IO_COGNITA_PLATFORM_MESSAGING__LEVEL", "DEBUG");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            Files.writeString(work.resolve(service + ".pid"), Long.toString(process.pid()));
            processes.put(service, process);
            awaitReady(service, port, process);
        }
    }

    /** The merged OpenAPI document as the gateway served it when the suite started. */
    Path openApiDocument() {
        return work.resolve("openapi.json");
    }

    private void awaitReady(String name, int port, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + work.resolve(name + ".log"));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within 120 s; see " + work.resolve(name + ".log"));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (conformance != null) {
            System.out.printf("OpenAPI conformance: %d operations called through the gateway, every response checked%n",
                    conformance.seen().size());
        }
        List<Process> running = new ArrayList<>(processes.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).destroy();
        }
        for (Process p : running) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        mailbox.close();
        dns.close();
        if (traces != null) {
            traces.close();
        }
        if (redis != null) {
            redis.destroy();
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String newPrivateKeyPem() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
