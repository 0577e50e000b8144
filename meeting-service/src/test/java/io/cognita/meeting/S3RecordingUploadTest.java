package io.cognita.meeting;

import io.cognita.meeting.domain.RecordingStore;
import io.cognita.platform.testing.TestJwksResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The upload contract on the S3 adapter, against a real S3 API server (S3Proxy) that the test starts. */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
@TestProfile(S3RecordingUploadTest.Store.class)
class S3RecordingUploadTest extends RecordingUploadContract {

    public static class Store implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(S3ProxyResource.class));
        }
    }

    @Inject
    RecordingStore store;

    @Inject
    EntityManager em;

    @Override
    protected byte[] stored(String recordingId) {
        assertEquals("s3", store.name());
        String location = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT location FROM recordings WHERE id = :id").setParameter("id", UUID.fromString(recordingId)).getSingleResult());
        try {
            return readAll(store.open(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected boolean storeHoldsAnythingOf(String meetingId, String uploadId) {
        try (Stream<Path> files = Files.walk(S3ProxyResource.directory)) {
            return files.anyMatch(p -> p.toString().contains(uploadId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
