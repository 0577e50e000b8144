package io.cognita.transcription.client;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Recordings read from meeting-service's internal endpoint (streamed to a temporary file, its size and SHA-256
 * checked against the recording.uploaded event), retried once on a transport fault; the job's own backoff does the rest.
 */
@ApplicationScoped
public class RecordingSource {

    /** Why a recording could not be read; {@code permanent} when retrying cannot help (gone, or not what was announced). */
    public static final class ReadFailure extends Exception {
        private final boolean permanent;

        ReadFailure(String message, boolean permanent) {
            super(message, null, false, false);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    private final RecordingSourceClient client;

    RecordingSource(@RestClient RecordingSourceClient client) {
        this.client = client;
    }

    @Timeout(value = 10, unit = ChronoUnit.MINUTES)
    @Retry(maxRetries = 1, delay = 500, retryOn = ProcessingException.class)
    public Path download(UUID recordingId, long sizeBytes, String sha256) throws ReadFailure, IOException {
        Path file = Files.createTempFile("cognita-recording-", ".bin");
        try (Response response = client.content(recordingId.toString())) {
            if (response.getStatus() == 404 || response.getStatus() == 410) {
                throw new ReadFailure("meeting-service no longer has recording " + recordingId, true);
            }
            if (response.getStatus() != 200) {
                throw new ReadFailure("meeting-service answered " + response.getStatus() + " for recording " + recordingId, false);
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(response.readEntity(InputStream.class), digest)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            long size = Files.size(file);
            String actual = HexFormat.of().formatHex(digest.digest());
            if (size != sizeBytes || sha256 != null && !sha256.equalsIgnoreCase(actual)) {
                throw new ReadFailure("recording " + recordingId + " read as " + size + " bytes with SHA-256 " + actual
                        + ", announced " + sizeBytes + " bytes with " + sha256, false);
            }
            return file;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (ReadFailure | IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
