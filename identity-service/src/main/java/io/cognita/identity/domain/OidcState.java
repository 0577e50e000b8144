package io.cognita.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A pending OIDC sign-in: the state (by hash), nonce and PKCE verifier, single-use and expiring, bound to
 * the browser that started it; after the callback, the login code that browser exchanges for tokens.
 */
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

    /** Hash of the cookie set in the browser that started the sign-in. */
    @Column(name = "browser_hash")
    public String browserHash;

    /** After the callback: the single-use login code (by hash) that the same browser exchanges for tokens. */
    @Column(name = "login_code_hash")
    public String loginCodeHash;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "code_expires_at")
    public Instant codeExpiresAt;

    @Column(name = "code_used_at")
    public Instant codeUsedAt;
}
