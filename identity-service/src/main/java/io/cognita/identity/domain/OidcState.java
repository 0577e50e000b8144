package io.cognita.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A pending OIDC sign-in: the state (by hash), nonce and PKCE verifier, single-use and expiring. */
@Entity
@Table(name = "oidc_states")
public class OidcState {

    @Id
    @Column(name = "state_hash")
    public String stateHash;

    @Column(nullable = false)
    public String provider;

    @Column(nullable = false)
    public String nonce;

    @Column(name = "code_verifier", nullable = false)
    public String codeVerifier;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
