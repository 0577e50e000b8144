package io.cognita.meeting.storage;

import io.cognita.meeting.domain.RecordingStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import io.quarkus.runtime.configuration.MemorySize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The configured {@link RecordingStore}: {@code cognita.recordings.store=fs} (default) or {@code s3}. */
public class RecordingStoreProducer {

    @Produces
    @ApplicationScoped
    RecordingStore store(@ConfigProperty(name = "cognita.recordings.store") String kind,
                         @ConfigProperty(name = "cognita.recordings.fs.directory") Optional<Path> directory,
                         @ConfigProperty(name = "cognita.recordings.s3.endpoint") Optional<URI> endpoint,
                         @ConfigProperty(name = "cognita.recordings.s3.region") String region,
                         @ConfigProperty(name = "cognita.recordings.s3.bucket") String bucket,
                         @ConfigProperty(name = "cognita.recordings.s3.access-key") Optional<String> accessKey,
                         @ConfigProperty(name = "cognita.recordings.s3.secret-key") Optional<String> secretKey,
                         @ConfigProperty(name = "cognita.recordings.s3.path-style") boolean pathStyle,
                         @ConfigProperty(name = "cognita.recordings.part-size") MemorySize partSize,
                         @ConfigProperty(name = "cognita.recordings.max-size") MemorySize maxSize) {
        if (kind.equals("s3") && partSize.asLongValue() < 5L * 1024 * 1024) {
            throw new IllegalArgumentException("cognita.recordings.part-size must be at least 5M with the s3 store (S3's minimum)");
        }
        if (maxSize.asLongValue() / partSize.asLongValue() >= 10_000) {
            throw new IllegalArgumentException("cognita.recordings.max-size / part-size must stay below 10,000 parts (S3's maximum)");
        }
        return switch (kind) {
            case "fs" -> new FileSystemRecordingStore(directory.orElseThrow(() -> new IllegalArgumentException(
                    "COGNITA_RECORDINGS_DIR (cognita.recordings.fs.directory) must name the recordings directory")));
            case "s3" -> new S3RecordingStore(s3(endpoint, region, accessKey, secretKey, pathStyle), bucket);
            default -> throw new IllegalArgumentException("cognita.recordings.store must be fs or s3, not " + kind);
        };
    }

    static S3Client s3(Optional<URI> endpoint, String region, Optional<String> accessKey, Optional<String> secretKey,
                       boolean pathStyle) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                // checksums only where S3 requires them: S3-compatible servers differ in the newer trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)).build())
                .credentialsProvider(accessKey.isPresent() && secretKey.isPresent()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()))
                        : DefaultCredentialsProvider.builder().build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
