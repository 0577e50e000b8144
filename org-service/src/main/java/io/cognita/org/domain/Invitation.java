package io.cognita.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation of an e-mail address into an org. It becomes a membership when the invitee accepts it through
 * the mailed link, or, for an address without an account yet, when the address is verified.
 */
@Entity
@Table(name = "invitations")
public class Invitation {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false)
    public UUID orgId;

    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrgRole role;

    @Column(name = "invited_by", nullable = false)
    public String invitedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** Hash of the token in the invitation mail's accept link. */
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "mailed_at")
    public Instant mailedAt;
}
