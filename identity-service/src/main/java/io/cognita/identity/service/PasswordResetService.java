package io.cognita.identity.service;

import io.cognita.identity.domain.OneTimeToken;
import io.cognita.identity.domain.User;
import io.cognita.identity.repository.UserRepository;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Forgotten passwords: a reset link by mail, redeemed once, revoking every session of the user. */
@ApplicationScoped
public class PasswordResetService {

    private final UserRepository users;
    private final OneTimeTokens oneTimeTokens;
    private final PasswordHasher passwords;
    private final SessionService sessions;
    private final Mails mails;
    private final Clock clock;
    private final OrgRoles orgRoles;

    public PasswordResetService(UserRepository users, OneTimeTokens oneTimeTokens, PasswordHasher passwords,
                                SessionService sessions, Mails mails, Clock clock, OrgRoles orgRoles) {
        this.orgRoles = orgRoles;
        this.users = users;
        this.oneTimeTokens = oneTimeTokens;
        this.passwords = passwords;
        this.sessions = sessions;
        this.mails = mails;
        this.clock = clock;
    }

    /** Mails a reset link when the account exists; the caller learns nothing either way. */
    @Transactional
    public void forgot(String email) {
        Optional<User> user = users.byEmail(User.normaliseEmail(email));
        String token = oneTimeTokens.issueOrDecoy(user.map(u -> u.id).orElse(null), OneTimeToken.Purpose.RESET_PASSWORD);
        user.ifPresent(u -> mails.resetPassword(u.email, token));
    }

    /**
     * A reset mail for {@code targetUserId}: the caller themselves, or a member of an org the caller owns
     * or administers (learnt from org-service's membership events); 403 otherwise.
     */
    @Transactional
    public void requestFor(String callerId, String targetUserId) {
        String userId = targetUserId == null ? callerId : targetUserId;
        if (!userId.equals(callerId) && !orgRoles.administers(callerId, userId)) {
            throw ProblemException.forbidden(
                    "Only an owner or admin of an org the user belongs to may send them a reset mail.");
        }
        User user = users.findByIdOptional(userId).filter(u -> u.deletedAt == null).orElseThrow(() ->
                ProblemException.forbidden("No such member."));
        mails.resetPassword(user.email, oneTimeTokens.issue(user.id, OneTimeToken.Purpose.RESET_PASSWORD));
    }

    @Transactional
    public void reset(String token, String newPassword) {
        User user = users.findById(oneTimeTokens.redeem(token, OneTimeToken.Purpose.RESET_PASSWORD));
        PasswordPolicy.check("newPassword", newPassword, user.email);
        user.passwordHash = passwords.hash(newPassword);
        user.updatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        sessions.revokeAll(user.id, "password-reset", null);
    }
}
