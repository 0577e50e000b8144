package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import io.cognita.identity.domain.DeviceInfo;
import io.cognita.identity.domain.User;
import io.cognita.identity.repository.UserRepository;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in with e-mail and password: per account-and-address throttling (429), lockout after repeated
 * failures (423 with Retry-After), the same answer for an unknown account and a wrong password.
 */
@ApplicationScoped
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class);

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final IdentityConfig config;
    private final Clock clock;

    public AuthService(UserRepository users, PasswordHasher passwords, SessionService sessions, LoginThrottle throttle,
                       IdentityConfig config, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(dontRollbackOn = ProblemException.class)
    public AuthTokens login(String email, String password, DeviceInfo device, String clientAddress) {
        String normalised = User.normaliseEmail(email);
        throttle.attempt(normalised, clientAddress);
        Optional<User> found = users.find("email", normalised).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        Instant now = clock.instant();
        if (found.isPresent() && found.get().isLocked(now)) {
            throw locked(found.get(), now);
        }
        boolean ok = passwords.matches(password, found.map(u -> u.passwordHash).orElse(null));
        if (!ok) {
            if (found.isPresent()) {
                User user = found.get();
                user.failedLogin(now, config.lockout().threshold(), config.lockout().duration());
                if (user.isLocked(now)) {
                    LOG.warnf("account %s locked after %d failed sign-ins", user.id, config.lockout().threshold());
                    throw locked(user, now);
                }
            }
            throw new ProblemException(401, "INVALID_CREDENTIALS", "Invalid credentials", "The e-mail or password is wrong.");
        }
        User user = found.get();
        user.succeededLogin();
        return sessions.open(user, device);
    }

    private static ProblemException locked(User user, Instant now) {
        long seconds = Math.max(1, (Duration.between(now, user.lockedUntil).toMillis() + 999) / 1000);
        return new ProblemException(423, "ACCOUNT_LOCKED", "Account locked",
                "Too many failed sign-ins; the account is locked for a while.", null,
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
