package io.cognita.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** What the identity tests do as clients: register, follow mailed links, sign in from an address. */
public final class Clients {

    public static final String PASSWORD = "a long enough password 1";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final Pattern TOKEN = Pattern.compile("\\?token=([A-Za-z0-9_%-]+)");
    static final ObjectMapper JSON = new ObjectMapper();

    private Clients() {
    }

    /** A client address of its own (10.x.y.z via X-Forwarded-For), so per-address limits do not mix tests. */
    public static String newAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", newAddress());
    }

    public static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.org";
    }

    public static void register(String email) {
        json().body("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Ada\"}")
                .when().post("/api/auth/register").then().statusCode(202);
    }

    public static JsonPath login(String email, String password) {
        return json().body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .when().post("/api/auth/login").then().statusCode(200).extract().jsonPath();
    }

    /** Registers, follows the verification link and signs in; returns the login's data. */
    public static JsonPath verifiedUser(MockMailbox mailbox, String email) {
        register(email);
        String token = tokenFromMail(mailbox, email, "Confirm your e-mail");
        json().body("{\"token\":\"" + token + "\"}").when().post("/api/auth/verify-email").then().statusCode(200);
        return login(email, PASSWORD);
    }

    /** Waits for the newest mail to {@code to} whose subject starts with {@code subject}; returns its token. */
    public static String tokenFromMail(MockMailbox mailbox, String to, String subject) {
        Mail mail = await().atMost(Duration.ofSeconds(10)).until(() -> newest(mailbox, to, subject), m -> m != null);
        Matcher m = TOKEN.matcher(mail.getText());
        if (!m.find()) {
            throw new AssertionError("no link in mail: " + mail.getText());
        }
        return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static List<Mail> mails(MockMailbox mailbox, String to) {
        List<Mail> mails = mailbox.getMailsSentTo(to);
        return mails == null ? List.of() : mails;
    }

    private static Mail newest(MockMailbox mailbox, String to, String subject) {
        List<Mail> mails = mails(mailbox, to).stream().filter(m -> m.getSubject().startsWith(subject)).toList();
        return mails.isEmpty() ? null : mails.get(mails.size() - 1);
    }

    public static JsonNode withoutRequestId(String problemOrBody) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(problemOrBody);
            node.remove("requestId");
            return node;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
