package io.cognita.identity.service;

import io.cognita.identity.domain.OneTimeToken;
import io.cognita.identity.domain.User;
import io.cognita.identity.repository.UserRepository;
import io.cognita.platform.outbox.Outbox;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Accounts: registration with e-mail verification, the profile, and changing one's password. */
@ApplicationScoped
public class AccountService {

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final OneTimeTokens oneTimeTokens;
    private final SessionService sessions;
    private final Mails mails;
    private final Outbox outbox;
    private final Clock clock;

    public AccountService(UserRepository users, PasswordHasher passwords, OneTimeTokens oneTimeTokens,
                          SessionService sessions, Mails mails, Outbox outbox, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.oneTimeTokens = oneTimeTokens;
        this.sessions = sessions;
        this.mails = mails;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Registration(String email, String password, String displayName, String locale, String timezone) {
    }

    /**
     * Registers an account and mails a verification link. An address that already has an account gets a
     * mail saying so instead; the caller sees the same answer either way.
     */
    @Transactional
    public void register(Registration r) {
        String email = User.normaliseEmail(r.email());
        PasswordPolicy.check("password", r.password(), email);
        String hash = passwords.hash(r.password());
        if (users.byEmail(email).isPresent()) {
            mails.alreadyRegistered(email);
            return;
        }
        User user = new User();
        user.id = User.newId();
        user.email = email;
        user.passwordHash = hash;
        user.displayName = r.displayName().strip();
        user.locale = r.locale();
        user.timezone = r.timezone();
        user.createdAt = now();
        user.updatedAt = user.createdAt;
        users.persist(user);
        String token = oneTimeTokens.issue(user.id, OneTimeToken.Purpose.VERIFY_EMAIL);
        outbox.record(IdentityEvents.USER_REGISTERED, null, "user/" + user.id,
                new IdentityEvents.UserRegistered(user.id, user.email, user.displayName, user.locale, user.timezone));
        mails.verifyEmail(email, token);
    }

    @Transactional
    public void verifyEmail(String token) {
        User user = users.findById(oneTimeTokens.redeem(token, OneTimeToken.Purpose.VERIFY_EMAIL));
        if (!user.emailVerified) {
            user.emailVerified = true;
            user.updatedAt = now();
            outbox.record(IdentityEvents.USER_EMAIL_VERIFIED, null, "user/" + user.id,
                    new IdentityEvents.UserEmailVerified(user.id, user.email));
        }
    }

    @Transactional
    public User profile(String userId) {
        return users.findByIdOptional(userId).orElseThrow(() -> ProblemException.notFound("USER_NOT_FOUND",
                "User not found", "The caller's account no longer exists."));
    }

    public record ProfileChange(String displayName, String locale, String timezone, String avatarUrl) {
    }

    @Transactional
    public User updateProfile(String userId, ProfileChange change) {
        User user = profile(userId);
        if (change.displayName() != null) {
            user.displayName = change.displayName().strip();
        }
        if (change.locale() != null) {
            user.locale = change.locale();
        }
        if (change.timezone() != null) {
            user.timezone = change.timezone();
        }
        if (change.avatarUrl() != null) {
            user.avatarUrl = change.avatarUrl().isEmpty() ? null : change.avatarUrl();
        }
        user.updatedAt = now();
        return user;
    }

    /** Needs the current password; every other session of the user is revoked. */
    @Transactional
    public void changePassword(String userId, UUID currentSession, String currentPassword, String newPassword) {
        User user = profile(userId);
        if (!passwords.matches(currentPassword, user.passwordHash)) {
            throw ProblemException.invalidField("currentPassword", "is not the current password");
        }
        PasswordPolicy.check("newPassword", newPassword, user.email);
        user.passwordHash = passwords.hash(newPassword);
        user.updatedAt = now();
        sessions.revokeAll(userId, "password-changed", currentSession);
    }

    /**
     * Deletes the caller's account: every session revoked, personal data erased, user.deleted for the
     * other services to erase theirs. Needs the current password when the account has one.
     */
    @Transactional
    public void deleteAccount(String userId, String currentPassword) {
        User user = profile(userId);
        if (user.passwordHash != null && !passwords.matches(currentPassword == null ? "" : currentPassword, user.passwordHash)) {
            throw ProblemException.invalidField("currentPassword", "is not the current password");
        }
        sessions.revokeAll(userId, "account-deleted", null);
        user.erase(now());
        outbox.record(IdentityEvents.USER_DELETED, null, "user/" + user.id, new IdentityEvents.UserDeleted(user.id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
