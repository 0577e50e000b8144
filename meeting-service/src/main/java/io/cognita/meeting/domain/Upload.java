package io.cognita.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A resumable recording upload: declared size and checksum, cut into parts of a fixed size. */
@Entity
@Table(name = "uploads")
public class Upload {

    public static final String OPEN = "OPEN";
    public static final String COMPLETING = "COMPLETING";
    public static final String COMPLETED = "COMPLETED";

    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Column(name = "org_id", nullable = false)
    public UUID orgId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "part_size", nullable = false)
    public long partSize;

    @Column(name = "part_count", nullable = false)
    public int partCount;

    /** Where the store keeps the recording once complete (made of ids only, never of the file name). */
    @Column(name = "object_key", nullable = false)
    public String objectKey;

    /** The store's own handle of the upload (S3's UploadId), if it has one. */
    @Column(name = "store_ref")
    public String storeRef;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** The size part {@code n} (1-based) must have. */
    public long expectedPartSize(int n) {
        return n < partCount ? partSize : sizeBytes - partSize * (partCount - 1L);
    }
}
