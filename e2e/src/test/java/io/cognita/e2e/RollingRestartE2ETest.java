package io.cognita.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rolling restarts as Kubernetes does them, on the packaged services: two gateways behind a load balancer (Debian's
 * nginx, a keep-alive reverse proxy that retries an idempotent request on the other upstream when one refuses or
 * closes the connection: its default) are restarted one after the other under load without one failed request; and
 * org-service, terminated and started again in the middle of a burst of writes, loses no event of a write it
 * acknowledged.
 */
@ExtendWith(SuiteExtension.class)
class RollingRestartE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SECOND_GATEWAY = 3001;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void twoGatewaysBehindNginxRestartedOneAfterTheOtherUnderLoadFailNoRequest() throws Exception {
        Suite suite = Suite.shared();
        Accounts accounts = new Accounts(suite);
        String orgId = accounts.createOrg();
        suite.launchInstance("gateway-2", "gateway", SECOND_GATEWAY);
        int port = Suite.freePort();
        Process nginx = startNginx(suite.work().resolve("nginx"), port);
        try {
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/orgs/" + orgId);
            awaitServing(uri, accounts.systemAdmin);
            Load load = new Load(uri, accounts.systemAdmin, 4);
            try {
                load.awaitRequests(50);
                for (String gateway : List.of("gateway", "gateway-2")) {
                    Process old = suite.terminate(gateway);
                    assertTrue(old.waitFor(60, TimeUnit.SECONDS), gateway + " did not exit");
                    suite.restart(gateway);
                    load.awaitRequests(load.requests.get() + 50);
                }
            } finally {
                load.stop();
            }
            assertThat("requests that failed while the gateways restarted", load.failures, empty());
            assertThat(load.requests.get(), greaterThan(200));
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
            Process second = suite.terminate("gateway-2");
            if (second != null && !second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void orgServiceRestartedDuringABurstOfWritesLosesNoEventOfAnAcknowledgedWrite() throws Exception {
        Suite suite = Suite.shared();
        Accounts accounts = new Accounts(suite);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        java.util.Map<Integer, String> refused = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    String body = "{\"name\":\"Burst " + UUID.randomUUID() + "\",\"orgType\":\"enterprise\"}";
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(Accounts.API + "/orgs"))
                                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + accounts.systemAdmin)
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            acknowledged.add(JSON.readTree(response.body()).path("data").path("orgId").asText());
                        } else {
                            refused.put(response.statusCode(), response.body());
                        }
                    } catch (IOException e) {
                        // not acknowledged: whether it happened or not, no event is owed for it
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        try {
            awaitSize(acknowledged, 20, refused);
            Process old = suite.terminate("org-service");
            assertTrue(old.waitFor(60, TimeUnit.SECONDS), "org-service did not exit");
            suite.restart("org-service");
            int before = acknowledged.size();
            awaitSize(acknowledged, before + 20, refused);
        } finally {
            writing.set(false);
            for (Thread writer : writers) {
                writer.join(30_000);
            }
        }
        Set<String> missing = new HashSet<>(acknowledged);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("COGNITA_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("cognita.org").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event;
                    try {
                        event = JSON.readTree(record.value());
                    } catch (IOException e) {
                        continue; // the module tests put deliberately unreadable records on the shared broker's topics
                    }
                    if ("org.created".equals(event.path("type").asText())) {
                        missing.remove(event.path("orgid").asText());
                    }
                }
            }
        }
        assertThat(acknowledged.size(), greaterThan(40));
        assertThat("acknowledged org creations whose org.created never reached Kafka", missing, empty());
    }

    private static void awaitSize(Set<String> set, int size, java.util.Map<Integer, String> refused) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (set.size() < size) {
            assertTrue(Instant.now().isBefore(deadline), "only " + set.size() + " writes acknowledged, waiting for " + size
                    + "; refusals by status: " + refused);
            Thread.sleep(100);
        }
    }

    private void awaitServing(URI uri, String token) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                if (get(uri, token).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // nginx still starting
            }
            assertTrue(Instant.now().isBefore(deadline), "nginx did not serve " + uri);
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Requests on a few threads, each answer other than 200 recorded as a failure. */
    private final class Load {
        final AtomicInteger requests = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Load(URI uri, String token, int concurrency) {
            for (int i = 0; i < concurrency; i++) {
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> response = get(uri, token);
                            if (response.statusCode() != 200) {
                                failures.add(Instant.now() + " " + response.statusCode() + " " + response.body());
                            }
                        } catch (IOException e) {
                            failures.add(Instant.now() + " " + e);
                        } catch (InterruptedException e) {
                            return;
                        }
                        requests.incrementAndGet();
                    }
                });
                thread.start();
                threads.add(thread);
            }
        }

        void awaitRequests(int count) throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(60);
            while (requests.get() < count) {
                assertTrue(Instant.now().isBefore(deadline), "the load stalled at " + requests.get() + " requests");
                Thread.sleep(50);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }
    }

    /**
     * nginx as a plain keep-alive reverse proxy over both gateways, in the foreground (a child process stopped by its
     * own handle), with every path of its own under {@code dir}.
     */
    private static Process startNginx(Path dir, int port) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp/body;
                  proxy_temp_path %1$s/tmp/proxy;
                  fastcgi_temp_path %1$s/tmp/fastcgi;
                  uwsgi_temp_path %1$s/tmp/uwsgi;
                  scgi_temp_path %1$s/tmp/scgi;
                  upstream gateways {
                    server 127.0.0.1:3000 max_fails=1 fail_timeout=2s;
                    server 127.0.0.1:%2$d max_fails=1 fail_timeout=2s;
                    keepalive 16;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://gateways;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_connect_timeout 1s;
                      proxy_next_upstream error timeout;
                    }
                  }
                }
                """.formatted(dir, SECOND_GATEWAY, port));
        String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        Process process = new ProcessBuilder(nginx, "-e", dir.resolve("error.log").toString(), "-p", dir.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("nginx.out").toFile())).start();
        Files.writeString(dir.resolve("nginx.process.pid"), Long.toString(process.pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        assertEquals(true, process.isAlive() || process.waitFor(1, TimeUnit.SECONDS) && false,
                "nginx exited at once; see " + dir.resolve("error.log"));
        return process;
    }
}
