package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import io.cognita.identity.domain.ProvisioningToken;
import io.cognita.identity.repository.ProvisioningTokenRepository;
import io.cognita.platform.outbox.Outbox;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * org:provision tokens for onboarding automation. The token's {@code sid} is its id, so revoking it
 * travels the same way as a session revocation (session.revoked) and the gateway refuses it at once.
 */
@ApplicationScoped
public class ProvisioningService {

    public static final String SCOPE = "org:provision";

    private final ProvisioningTokenRepository tokens;
    private final TokenIssuer issuer;
    private final Outbox outbox;
    private final IdentityConfig config;
    private final Clock clock;

    public ProvisioningService(ProvisioningTokenRepository tokens, TokenIssuer issuer, Outbox outbox,
                               IdentityConfig config, Clock clock) {
        this.tokens = tokens;
        this.issuer = issuer;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public record Issued(ProvisioningToken token, String jwt) {
    }

    @Transactional
    public Issued issue(String name, Integer validDays, String issuedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ProvisioningToken token = new ProvisioningToken();
        token.id = UUID.randomUUID();
        token.name = name.strip();
        token.scope = SCOPE;
        token.createdBy = issuedBy;
        token.createdAt = now;
        token.expiresAt = now.plus(validDays == null ? config.provisioningTokenTtl() : Duration.ofDays(validDays));
        tokens.persist(token);
        return new Issued(token, issuer.provisioningToken(token));
    }

    @Transactional
    public List<ProvisioningToken> list() {
        return tokens.list("order by createdAt desc");
    }

    @Transactional
    public void revoke(UUID id) {
        ProvisioningToken token = tokens.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound(
                "PROVISIONING_TOKEN_NOT_FOUND", "Provisioning token not found", "No provisioning token " + id + "."));
        if (token.revokedAt != null) {
            return;
        }
        token.revokedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        outbox.record(IdentityEvents.SESSION_REVOKED, null, "provisioning-token/" + id,
                new IdentityEvents.SessionRevoked(id.toString(), "prov-" + id, "provisioning-token-revoked", token.expiresAt));
    }
}
