package io.cognita.meeting.domain;

import java.io.InputStream;
import java.util.List;

/**
 * Where recordings are kept: a port with a filesystem adapter (the embedded default) and an S3 adapter. An upload
 * is begun, its parts stored (a part sent again replaces the first), then assembled in order; bodies are streamed,
 * never held whole in memory. Object keys are made by the service from ids only.
 */
public interface RecordingStore {

    /** The store's name, as configured (fs, s3). */
    String name();

    /** Begins an upload to {@code objectKey}; returns the store's handle of it (kept with the upload). */
    String begin(String objectKey, String contentType);

    /**
     * Stores part {@code partNumber} from {@code body}, which must deliver exactly {@code length} bytes; a body that
     * ends early (a dropped connection) stores nothing and throws {@link PartTruncatedException}.
     */
    PartReceipt putPart(String objectKey, String storeRef, int partNumber, InputStream body, long length);

    /** Assembles the parts in order into the object; returns its size and SHA-256 as stored. */
    Assembled complete(String objectKey, String storeRef, List<PartReceipt> parts);

    /** Reads a stored object. */
    InputStream open(String objectKey);

    /** Forgets an upload's parts (an expired or failed upload). */
    void abort(String objectKey, String storeRef);

    /** Deletes a stored object; deleting one that is gone is no error. */
    void delete(String objectKey);

    record PartReceipt(int partNumber, long sizeBytes, String sha256, String etag) {
    }

    record Assembled(long sizeBytes, String sha256) {
    }

    final class PartTruncatedException extends RuntimeException {
        public PartTruncatedException(long expected, long received) {
            super("part body ended after " + received + " of " + expected + " bytes");
        }
    }
}
