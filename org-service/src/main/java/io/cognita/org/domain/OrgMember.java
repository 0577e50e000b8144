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

/** A user's membership of an organization, with the role that decides what they may do there. */
@Entity
@Table(name = "org_members")
@IdClass(OrgMember.Key.class)
public class OrgMember {

    @Id
    @Column(name = "org_id")
    public UUID orgId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrgRole role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean canAdminister() {
        return role == OrgRole.OWNER || role == OrgRole.ADMIN;
    }

    public record Key(UUID orgId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
