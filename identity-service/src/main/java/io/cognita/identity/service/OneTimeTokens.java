package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import io.cognita.identity.domain.OneTimeToken;
import io.cognita.identity.repository.OneTimeTokenRepository;
import io.cognita.platform.problem.FieldError;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Issues and redeems the single-use, expiring tokens that mails carry; only hashes are stored. */
@ApplicationScoped
public class OneTimeTokens {

    private final OneTimeTokenRepository tokens;
    private final TokenIssuer issuer;
    private final IdentityConfig config;
    private final Clock clock;

    public OneTimeTokens(OneTimeTokenRepository tokens, TokenIssuer issuer, IdentityConfig config, Clock clock) {
        this.tokens = tokens;
        this.issuer = issuer;
        this.config = config;
        this.clock = clock;
    }

    /** A new token for the user; earlier unused ones of the same purpose stop working. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(String userId, OneTimeToken.Purpose purpose) {
        Instant now = clock.instant();
        tokens.voidUnused(userId, purpose, now);
        String raw = issuer.refreshToken();
        OneTimeToken token = new OneTimeToken();
        token.tokenHash = TokenIssuer.hashOf(raw);
        token.userId = userId;
        token.purpose = purpose;
        token.createdAt = now;
        token.expiresAt = now.plus(ttl(purpose));
        tokens.persist(token);
        return raw;
    }

    /**
     * {@link #issue} for a known user; for none, the same work without storing anything, so both take the
     * same time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issueOrDecoy(String userIdOrNull, OneTimeToken.Purpose purpose) {
        if (userIdOrNull != null) {
            return issue(userIdOrNull, purpose);
        }
        String raw = issuer.refreshToken();
        TokenIssuer.hashOf(raw);
        return raw;
    }

    /** Voids every link the user was mailed and has not used. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void voidAll(String userId) {
        tokens.voidAllUnused(userId, clock.instant());
    }

    /** Marks the token used and returns its user id; 400 INVALID_TOKEN when unknown, used or expired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String redeem(String raw, OneTimeToken.Purpose purpose) {
        OneTimeToken token = raw == null ? null : tokens.findById(TokenIssuer.hashOf(raw), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (token == null || token.purpose != purpose || !token.isUsable(now)) {
            throw ProblemException.badRequest("INVALID_TOKEN", "The link is invalid, used or expired.",
                    List.of(new FieldError("token", "invalid, used or expired")));
        }
        token.usedAt = now;
        return token.userId;
    }

    private Duration ttl(OneTimeToken.Purpose purpose) {
        return purpose == OneTimeToken.Purpose.VERIFY_EMAIL ? config.verifyEmailTtl() : config.resetPasswordTtl();
    }
}
