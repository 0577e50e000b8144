package io.cognita.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An allowed e-mail domain of an org; verified users of a verified domain join the org. */
@Entity
@Table(name = "org_domains")
@IdClass(OrgDomain.Key.class)
public class OrgDomain {

    public enum State { PENDING, VERIFIED, FAILED }

    public static final String RECORD_PREFIX = "_cognita.";
    public static final String VALUE_PREFIX = "cognita-verification=";

    @Id
    @Column(name = "org_id")
    public UUID orgId;

    @Id
    public String domain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "verification_token", nullable = false)
    public String verificationToken;

    @Column(name = "last_checked_at")
    public Instant lastCheckedAt;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String recordName() {
        return RECORD_PREFIX + domain;
    }

    public String expectedValue() {
        return VALUE_PREFIX + verificationToken;
    }

    public record Key(UUID orgId, String domain) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
