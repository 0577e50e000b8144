package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import io.cognita.identity.domain.DeviceInfo;
import io.cognita.identity.domain.User;
import io.cognita.identity.repository.LoginFailureRepository;
import io.cognita.identity.repository.UserRepository;
import io.cognita.platform.problem.ProblemException;
import io.micrometer.core.annotation.Counted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in with e-mail and password. Throttled per account and source address (429). A source that fails
 * {@code lockout.threshold} times in a row for one account is held back for that account for
 * {@code lockout.duration}: it gets the same 401 as a wrong password, after the same hash work, so neither
 * the hold nor the existence of the account shows, and a stranger cannot lock the owner out (the owner's
 * own addresses are not held back).
 */
@ApplicationScoped
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class);

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final LoginFailureRepository failures;
    private final IdentityConfig config;
    private final Clock clock;

    public AuthService(UserRepository users, PasswordHasher passwords, SessionService sessions, LoginThrottle throttle,
                       LoginFailureRepository failures, IdentityConfig config, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.failures = failures;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(dontRollbackOn = ProblemException.class)
    @Counted(value = "cognita.logins", description = "password sign-ins; result=failure for a refused one (wrong password, held back, throttled)")
    public AuthTokens login(String email, String password, DeviceInfo device, String clientAddress) {
        String normalised = User.normaliseEmail(email);
        String source = SourceAddress.of(clientAddress);
        throttle.attempt(normalised, source);
        String emailHash = TokenIssuer.hashOf(normalised);
        Instant now = clock.instant();
        boolean heldBack = failures.isHeldBack(emailHash, source, now);
        Optional<User> found = users.find("email", normalised).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        boolean ok = passwords.matches(password, found.map(u -> u.passwordHash).orElse(null));
        if (!ok || heldBack) {
            if (!heldBack) {
                failures.recordFailure(emailHash, source, now, config.lockout().threshold(), config.lockout().duration());
            } else {
                LOG.debugf("sign-in from a held-back source refused");
            }
            throw new ProblemException(401, "INVALID_CREDENTIALS", "Invalid credentials", "The e-mail or password is wrong.");
        }
        failures.clear(emailHash, source);
        User user = found.get();
        if (passwords.needsRehash(user.passwordHash)) {
            user.passwordHash = passwords.hash(password);
        }
        return sessions.open(user, (device == null ? new DeviceInfo(null, null, null, null) : device).withIp(clientAddress));
    }
}
