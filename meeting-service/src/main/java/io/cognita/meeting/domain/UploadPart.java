package io.cognita.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "upload_parts")
@IdClass(UploadPart.Key.class)
public class UploadPart {

    @Id
    @Column(name = "upload_id")
    public UUID uploadId;

    @Id
    @Column(name = "part_number")
    public int partNumber;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    public String etag;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public record Key(UUID uploadId, int partNumber) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
