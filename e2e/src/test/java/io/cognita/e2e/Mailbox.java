package io.cognita.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a free loopback port: the mails identity-service sends, read by the tests. */
final class Mailbox implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("[?&]token=([^\\s&]+)");
    private GreenMail server;
    private int port;

    void start() {
        port = freePort();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    int port() {
        return port;
    }

    /** The token of the newest link mailed to {@code address} with {@code subjectPart} in the subject, within {@code timeout}. */
    String awaitToken(String address, String subjectPart, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            MimeMessage[] received = server.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                if (isFor(received[i], address, subjectPart)) {
                    Matcher m = TOKEN.matcher(GreenMailUtil.getBody(received[i]).replace("=\r\n", "").replace("=3D", "="));
                    if (m.find()) {
                        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                    }
                }
            }
            server.waitForIncomingEmail(200, received.length + 1);
        }
        throw new AssertionError("no mail \"" + subjectPart + "\" to " + address + " within " + timeout);
    }

    private static boolean isFor(MimeMessage message, String address, String subjectPart) {
        try {
            return message.getSubject().contains(subjectPart) && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
