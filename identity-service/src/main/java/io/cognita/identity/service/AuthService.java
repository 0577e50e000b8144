package io.cognita.identity.service;

import io.cognita.identity.domain.DeviceInfo;
import io.cognita.identity.domain.Session;
import io.cognita.identity.domain.User;
import io.cognita.identity.repository.SessionRepository;
import io.cognita.identity.repository.UserRepository;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Sign-in: checks the password and opens a session with its tokens. */
@ApplicationScoped
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher passwords;
    private final TokenIssuer tokens;
    private final Clock clock;

    public AuthService(UserRepository users, SessionRepository sessions, PasswordHasher passwords, TokenIssuer tokens,
                       Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public AuthTokens login(String email, String password, DeviceInfo device) {
        Optional<User> found = users.byEmail(User.normaliseEmail(email));
        boolean ok = passwords.matches(password, found.map(u -> u.passwordHash).orElse(null));
        if (!ok) {
            LOG.infof("login refused for an account (known=%s)", found.isPresent());
            throw new ProblemException(401, "INVALID_CREDENTIALS", "Invalid credentials",
                    "The e-mail or password is wrong.");
        }
        User user = found.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String refreshToken = tokens.refreshToken();
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.userId = user.id;
        session.refreshTokenHash = TokenIssuer.hashOf(refreshToken);
        session.createdAt = now;
        session.lastSeenAt = now;
        if (device != null) {
            session.userAgent = device.userAgent();
            session.ip = device.ip();
            session.platform = device.platform();
            session.deviceName = device.deviceName();
        }
        sessions.persist(session);
        return new AuthTokens(tokens.accessToken(user, session.id), refreshToken, "Bearer",
                tokens.accessTokenTtlSeconds(), new AuthTokens.UserView(user.id, user.email, user.displayName));
    }
}
