package io.cognita.meeting;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A real S3 API server for the S3 adapter's tests: S3Proxy from Maven Central (class path from
 * deploy/local/s3proxy.sh) in a JVM of its own on a free loopback port, backed by a temporary directory, AWS
 * v2/v4 signatures required. The process this resource started is the one it stops.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "cognita-recordings-test";
    static final String IDENTITY = "test-only-access-key";
    static final String CREDENTIAL = "test-only-secret-key";
    static Path directory;

    private Process process;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("cognita-s3proxy");
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path conf = directory.resolve("s3proxy.conf");
            Files.createDirectories(directory.resolve("data"));
            Files.writeString(conf, String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + directory.resolve("data")) + "\n");
            String classpath = new String(new ProcessBuilder("bash", repoRoot().resolve("deploy/local/s3proxy.sh").toString(), "classpath")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start().getInputStream().readAllBytes()).trim();
            Path logback = directory.resolve("logback.xml");
            Files.writeString(logback, "<configuration><appender name=\"F\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                    + "<encoder><pattern>%d %-5level %logger{20} %msg%n</pattern></encoder></appender>"
                    + "<root level=\"INFO\"><appender-ref ref=\"F\"/></root></configuration>");
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-Dlogback.configurationFile=" + logback,
                    "-cp", classpath, "org.gaul.s3proxy.Main", "--properties", conf.toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("s3proxy.log").toFile()).start();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Proxy exited: " + Files.readString(directory.resolve("s3proxy.log")));
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
            try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                    .httpClient(ApacheHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL))).build()) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
            return Map.of("cognita.recordings.store", "s3",
                    "cognita.recordings.s3.endpoint", endpoint.toString(),
                    "cognita.recordings.s3.bucket", BUCKET,
                    "cognita.recordings.s3.access-key", IDENTITY,
                    "cognita.recordings.s3.secret-key", CREDENTIAL,
                    "cognita.recordings.s3.path-style", "true",
                    "cognita.recordings.part-size", "5M");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/local/s3proxy.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/local/s3proxy.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
