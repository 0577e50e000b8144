package io.cognita.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "recordings")
public class Recording {

    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Column(name = "org_id", nullable = false)
    public UUID orgId;

    @Column(name = "upload_id", nullable = false)
    public UUID uploadId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    /** The store's location of the bytes (a relative path for the filesystem store, the object key for S3). */
    @Column(nullable = false)
    public String location;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
