package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import io.cognita.identity.domain.DeviceInfo;
import io.cognita.identity.domain.RefreshToken;
import io.cognita.identity.domain.Session;
import io.cognita.identity.domain.User;
import io.cognita.identity.repository.RefreshTokenRepository;
import io.cognita.identity.repository.SessionRepository;
import io.cognita.identity.repository.UserRepository;
import io.cognita.platform.outbox.Outbox;
import io.cognita.platform.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Sessions and their tokens: opening one, rotating its refresh token (a used one presented again
 * revokes the whole session), and revoking one or all — each revocation announced as session.revoked.
 */
@ApplicationScoped
public class SessionService {

    private final Counter revoked;

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final TokenIssuer tokens;
    private final Outbox outbox;
    private final IdentityConfig config;
    private final Clock clock;

    public SessionService(SessionRepository sessions, RefreshTokenRepository refreshTokens, UserRepository users,
                          TokenIssuer tokens, Outbox outbox, IdentityConfig config, Clock clock, MeterRegistry meters) {
        this.revoked = Counter.builder("cognita.sessions.revoked").description("sessions ended before their time (sign-out, reset, admin)")
                .register(meters);
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.tokens = tokens;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuthTokens open(User user, DeviceInfo device) {
        Instant now = now();
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.userId = user.id;
        session.createdAt = now;
        session.lastSeenAt = now;
        if (device != null) {
            session.userAgent = device.userAgent();
            session.ip = device.ip();
            session.platform = device.platform();
            session.deviceName = device.deviceName();
        }
        sessions.persist(session);
        return issue(user, session, now);
    }

    /**
     * Exchanges a refresh token for a new pair. The token is spent; presenting it again revokes the session
     * (reuse detection), and so does one that was stolen and used first.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public AuthTokens refresh(String refreshToken) {
        RefreshToken token = refreshToken == null ? null
                : refreshTokens.findById(TokenIssuer.hashOf(refreshToken), LockModeType.PESSIMISTIC_WRITE);
        if (token == null) {
            throw invalidRefresh();
        }
        Session session = sessions.findById(token.sessionId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = now();
        if (token.usedAt != null) {
            if (session.isActive()) {
                LOG.warnf("refresh token reuse on session %s of %s: session revoked", session.id, session.userId);
                revoke(session, "refresh-token-reuse", now);
            }
            throw new ProblemException(401, "REFRESH_TOKEN_REUSED", "Refresh token reused",
                    "This refresh token was already used; the session has been revoked.");
        }
        if (!session.isActive() || session.lastSeenAt.plus(config.sessionIdleTimeout()).isBefore(now)) {
            throw invalidRefresh();
        }
        token.usedAt = now;
        session.lastSeenAt = now;
        return issue(users.findById(session.userId), session, now);
    }

    @Transactional
    public List<Session> active(String userId) {
        return sessions.activeOf(userId);
    }

    /** One of the user's active sessions; 404 when it is not theirs or not active (the same for both). */
    @Transactional
    public Session activeOne(String userId, UUID sessionId) {
        return sessions.findByIdOptional(sessionId)
                .filter(s -> s.userId.equals(userId) && s.isActive())
                .orElseThrow(() -> ProblemException.notFound("SESSION_NOT_FOUND", "Session not found",
                        "No active session " + sessionId + " of the caller."));
    }

    /** Revokes one of the user's sessions; 404 when it is not theirs or not active. */
    @Transactional
    public void revokeOwn(String userId, UUID sessionId, String reason) {
        revoke(activeOne(userId, sessionId), reason, now());
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public int revokeAll(String userId, String reason, UUID except) {
        Instant now = now();
        int count = 0;
        for (Session session : sessions.activeOf(userId)) {
            if (!session.id.equals(except)) {
                revoke(session, reason, now);
                count++;
            }
        }
        return count;
    }

    @Transactional
    public boolean isActive(UUID sessionId) {
        return sessions.findByIdOptional(sessionId).map(Session::isActive).orElse(false);
    }

    private void revoke(Session session, String reason, Instant now) {
        session.revoke(now, reason);
        revoked.increment();
        outbox.record(IdentityEvents.SESSION_REVOKED, null, "session/" + session.id,
                new IdentityEvents.SessionRevoked(session.id.toString(), session.userId, reason,
                        now.plus(config.accessTokenTtl())));
    }

    private AuthTokens issue(User user, Session session, Instant now) {
        String refresh = tokens.refreshToken();
        RefreshToken row = new RefreshToken();
        row.tokenHash = TokenIssuer.hashOf(refresh);
        row.sessionId = session.id;
        row.createdAt = now;
        refreshTokens.persist(row);
        return new AuthTokens(tokens.accessToken(user, session.id), refresh, "Bearer", tokens.accessTokenTtlSeconds(),
                new AuthTokens.UserView(user.id, user.email, user.displayName));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static ProblemException invalidRefresh() {
        return new ProblemException(401, "INVALID_REFRESH_TOKEN", "Invalid refresh token",
                "The refresh token is unknown, expired or its session has ended.");
    }
}
