package io.cognita.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 request on a connection of its own, read at the byte level, so that a connection closed before any
 * answer, an answer cut short and a complete answer can be told apart (an HTTP client library blurs them).
 */
final class RawExchange {

    static final String REFUSED = "refused";
    static final String CLOSED_UNANSWERED = "closed unanswered";
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private RawExchange() {
    }

    /** The status code of a complete answer, or {@link #REFUSED}, {@link #CLOSED_UNANSWERED}, or "cut short: …". */
    static String get(int port, String path, String token) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (ConnectException refused) {
            return REFUSED;
        } catch (IOException broken) {
            if (received.size() == 0) {
                return CLOSED_UNANSWERED;
            }
            return "cut short: " + broken;
        }
        return judge(received.toString(StandardCharsets.ISO_8859_1));
    }

    private static String judge(String text) {
        if (text.isEmpty()) {
            return CLOSED_UNANSWERED;
        }
        int headersEnd = text.indexOf("\r\n\r\n");
        if (headersEnd < 0 || !text.startsWith("HTTP/1.1 ")) {
            return "cut short: " + text.length() + " bytes of headers";
        }
        String status = text.substring(9, 12);
        String headers = text.substring(0, headersEnd);
        String body = text.substring(headersEnd + 4);
        Matcher length = CONTENT_LENGTH.matcher(headers);
        boolean complete = length.find() ? body.length() == Integer.parseInt(length.group(1))
                : headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") && body.endsWith("0\r\n\r\n");
        return complete ? status : "cut short: " + status + " with " + body.length() + " bytes of body";
    }
}
