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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The upload contract on the filesystem store (the embedded default), in a directory of its own. */
@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
@TestProfile(FileSystemRecordingUploadTest.Store.class)
class FileSystemRecordingUploadTest extends RecordingUploadContract {

    static final Path DIRECTORY = createDirectory();

    public static class Store implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cognita.recordings.store", "fs", "cognita.recordings.fs.directory", DIRECTORY.toString(),
                    "cognita.recordings.part-size", "5M");
        }
    }

    @Inject
    RecordingStore store;

    @Inject
    EntityManager em;

    @Override
    protected byte[] stored(String recordingId) {
        String location = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT location FROM recordings WHERE id = :id").setParameter("id", UUID.fromString(recordingId)).getSingleResult());
        try {
            return Files.readAllBytes(DIRECTORY.resolve(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected boolean storeHoldsAnythingOf(String meetingId, String uploadId) {
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            return files.anyMatch(p -> p.toString().contains(uploadId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("cognita-recordings-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
