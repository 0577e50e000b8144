package io.cognita.meeting.storage;

import io.cognita.meeting.domain.RecordingStore;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Recordings in an S3 bucket, an upload mapped onto S3's own multipart upload (CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload, AbortMultipartUpload): the store's handle is S3's UploadId, a part sent again is
 * uploaded again under its number (S3 keeps the last), and the assembled object is read back once to hash it.
 */
public class S3RecordingStore implements RecordingStore {

    private final S3Client s3;
    private final String bucket;

    public S3RecordingStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public String begin(String objectKey, String contentType) {
        return s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey).contentType(contentType)).uploadId();
    }

    @Override
    public PartReceipt putPart(String objectKey, String storeRef, int partNumber, InputStream body, long length) {
        CountingDigest in = new CountingDigest(body, length);
        String etag;
        try {
            etag = s3.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(storeRef).partNumber(partNumber)
                    .contentLength(length), RequestBody.fromInputStream(in, length)).eTag();
        } catch (SdkClientException | IllegalStateException e) {
            // a client that went away: the SDK reports the failed read, or refuses to retry a stream it cannot rewind
            if (in.readFailed() || in.count() < length) {
                throw new PartTruncatedException(length, in.count());
            }
            throw e;
        }
        if (in.count() != length) {
            throw new PartTruncatedException(length, in.count());
        }
        return new PartReceipt(partNumber, length, in.hex(), etag);
    }

    @Override
    public Assembled complete(String objectKey, String storeRef, List<PartReceipt> parts) {
        List<CompletedPart> completed = parts.stream()
                .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.etag()).build()).toList();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(storeRef)
                .multipartUpload(CompletedMultipartUpload.builder().parts(completed).build()));
        try (CountingDigest in = new CountingDigest(open(objectKey), Long.MAX_VALUE - 1)) {
            in.transferTo(OutputStream.nullOutputStream());
            return new Assembled(in.count(), in.hex());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String objectKey) {
        return s3.getObject(b -> b.bucket(bucket).key(objectKey));
    }

    @Override
    public void abort(String objectKey, String storeRef) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(storeRef));
        } catch (NoSuchUploadException gone) {
            // completed or aborted before
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
    }

    @Override
    public void delete(String objectKey) {
        s3.deleteObject(b -> b.bucket(bucket).key(objectKey));
    }
}
