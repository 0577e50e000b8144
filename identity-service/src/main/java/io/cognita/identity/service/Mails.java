package io.cognita.identity.service;

import io.cognita.identity.config.IdentityConfig;
import io.cognita.platform.mail.MailDelivery;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The mails identity sends. They go out once the request's transaction has committed (a link whose token was rolled
 * back is never mailed) and without the caller waiting, so a request takes the same time whether or not a mail was
 * sent (no account enumeration by timing).
 */
@ApplicationScoped
public class Mails {

    private final ReactiveMailer mailer;
    private final MailDelivery delivery;
    private final IdentityConfig config;

    public Mails(ReactiveMailer mailer, MailDelivery delivery, IdentityConfig config) {
        this.mailer = mailer;
        this.delivery = delivery;
        this.config = config;
    }

    public void verifyEmail(String to, String token) {
        send(Mail.withText(to, "Confirm your e-mail address for Cognita",
                "Welcome to Cognita. Confirm your address by opening this link (valid for "
                        + config.verifyEmailTtl().toHours() + " hours):\n\n" + link("/verify-email", token) + "\n"));
    }

    public void resetPassword(String to, String token) {
        send(Mail.withText(to, "Reset your Cognita password",
                "Someone asked to reset the password of your Cognita account. If it was you, open this link "
                        + "(valid for " + config.resetPasswordTtl().toMinutes() + " minutes):\n\n"
                        + link("/reset-password", token) + "\n\nIf it was not you, ignore this mail.\n"));
    }

    public void alreadyRegistered(String to) {
        send(Mail.withText(to, "Your Cognita account",
                "Someone tried to register a Cognita account with this address, which already has one. "
                        + "If it was you, sign in or reset your password at " + config.publicUrl() + "/forgot-password.\n"));
    }

    private String link(String page, String token) {
        return config.publicUrl() + page + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private void send(Mail mail) {
        delivery.sendAfterCommit(() -> mailer.send(mail), "mail to a user");
    }
}
