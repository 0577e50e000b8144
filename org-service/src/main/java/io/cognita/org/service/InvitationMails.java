package io.cognita.org.service;

import io.quarkus.mailer.Mail;
import io.cognita.platform.mail.MailDelivery;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The invitation mail: a link to the web client's accept page with the single-use token. Sent only once the
 * invitation's transaction has committed (a rolled-back invitation mails nothing), without the caller waiting.
 */
@ApplicationScoped
public class InvitationMails {

    private final ReactiveMailer mailer;
    private final MailDelivery delivery;
    private final String publicUrl;

    public InvitationMails(ReactiveMailer mailer, MailDelivery delivery,
                           @ConfigProperty(name = "cognita.org.public-url") String publicUrl) {
        this.mailer = mailer;
        this.delivery = delivery;
        this.publicUrl = publicUrl;
    }

    public void invite(String to, String rawOrgName, String role, String token, Instant expiresAt) {
        String orgName = plain(rawOrgName);
        Mail mail = Mail.withText(to, "You are invited to " + orgName + " on Cognita",
                "You have been invited to join " + orgName + " on Cognita as " + role + ". To accept, open this link "
                        + "(valid until " + expiresAt + "; sign in or create your account with this address first):\n\n"
                        + publicUrl + "/accept-invitation?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "\n\nIf you do not want to join, ignore this mail.\n");
        mail.addHeader("Auto-Submitted", "auto-generated");
        delivery.sendAfterCommit(() -> mailer.send(mail), "invitation mail");
    }

    /** An org's name as admins typed it, made safe for a subject line: one line, no markup, at most 80 characters. */
    static String plain(String name) {
        String oneLine = name.replaceAll("[\\p{Cntrl}<>]", " ").replaceAll("\\s+", " ").strip();
        return "\"" + (oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine) + "\"";
    }
}
