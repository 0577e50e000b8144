package io.cognita.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cognita.org.domain.OrgMember;
import io.cognita.org.domain.OrgRole;
import io.cognita.org.repository.OrgMemberRepository;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.cognita.org.repository.KnownUserRepository;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Seed bodies, organizations created through the API, and memberships for the authorization matrix. */
@ApplicationScoped
public class OrgFixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String ADMIN = TestTokens.systemAdmin();

    private static final Pattern INVITATION_TOKEN = Pattern.compile("accept-invitation\\?token=([A-Za-z0-9_%-]+)");

    private final OrgMemberRepository members;
    private final KnownUserRepository users;
    private final MockMailbox mailbox;

    public OrgFixtures(OrgMemberRepository members, KnownUserRepository users, MockMailbox mailbox) {
        this.members = members;
        this.users = users;
        this.mailbox = mailbox;
    }

    /** Whether org-service has learnt from identity's events that the user exists and is verified. */
    public boolean isKnownVerified(String userId) {
        return QuarkusTransaction.requiringNew().call(() -> users.findByIdOptional(userId).map(u -> u.emailVerified).orElse(false));
    }

    /** The token of the newest invitation mail to {@code email} (sent after the invitation's commit). */
    public String invitationToken(String email) {
        Mail mail = await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Mail> sent = mailbox.getMailsSentTo(email);
            return sent == null || sent.isEmpty() ? null : sent.get(sent.size() - 1);
        }, m -> m != null);
        Matcher m = INVITATION_TOKEN.matcher(mail.getText());
        if (!m.find()) {
            throw new AssertionError("no accept link in: " + mail.getText());
        }
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    public static ObjectNode seed(String name) {
        try (InputStream in = OrgFixtures.class.getResourceAsStream("/seeds/" + name + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed's create body under a unique name. */
    public static ObjectNode createBody() {
        ObjectNode body = seed("create-organization.request");
        body.put("name", "Org " + UUID.randomUUID());
        return body;
    }

    /** Creates an organization as system admin; returns its id. */
    public static String createOrg() {
        return given().contentType(ContentType.JSON).auth().oauth2(ADMIN).body(createBody().toString())
                .when().post("/api/orgs").then().statusCode(200).extract().path("data.orgId");
    }

    /** Creates an organization as system admin and moves it to {@code plan} (free, pro, …); returns its id. */
    public static String createOrgOnPlan(String plan) {
        String orgId = createOrg();
        given().contentType(ContentType.JSON).auth().oauth2(ADMIN).body("{\"plan\":\"" + plan + "\"}")
                .when().post("/api/orgs/" + orgId + "/billing/plan").then().statusCode(200);
        return orgId;
    }

    public void addMember(String orgId, String userId, OrgRole role) {
        QuarkusTransaction.requiringNew().run(() -> {
            OrgMember member = new OrgMember();
            member.orgId = UUID.fromString(orgId);
            member.userId = userId;
            member.role = role;
            member.createdAt = Instant.now();
            members.persist(member);
        });
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
