package io.cognita.transcription.rest;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** What a socket does with the frames that come during its replay, on a connection that records what it is given. */
class LiveSocketTest {

    private final List<String> written = new ArrayList<>();
    private CloseReason closed;

    private final WebSocketConnection connection = (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                case "sendText" -> {
                    written.add(args[0].toString());
                    yield Uni.createFrom().voidItem();
                }
                case "close" -> {
                    closed = args == null || args.length == 0 ? CloseReason.NORMAL : (CloseReason) args[0];
                    yield Uni.createFrom().voidItem();
                }
                case "isClosed" -> closed != null;
                case "id" -> "test";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private LiveSocket socket(int maxPending) {
        return new LiveSocket(connection, UUID.randomUUID(), null, maxPending, null, "u-1", false, null, 0);
    }

    private static String fin(long seq) {
        return "{\"type\":\"segment\",\"segmentId\":\"s" + seq + "\",\"seq\":" + seq + ",\"revision\":1,\"isFinal\":true,\"text\":\"final " + seq + "\"}";
    }

    private static String partial() {
        return "{\"type\":\"segment\",\"segmentId\":\"p\",\"seq\":null,\"revision\":1,\"isFinal\":false,\"text\":\"so far\"}";
    }

    @Test
    void framesDuringTheReplayFollowItWithoutTheFinalsItHadAndWithoutStalePartials() {
        LiveSocket socket = socket(256);
        socket.replaying();
        socket.send(fin(3));
        socket.send(partial());
        socket.send("{\"type\":\"health\",\"engine\":\"pocketsphinx\",\"lagMs\":0}");
        socket.send(fin(5));
        assertThat("nothing goes out during the replay", written, empty());
        socket.replayed(4);
        assertThat(written, contains(fin(5)));
        socket.send(partial());
        assertThat("after the replay, frames go out as they come", written, hasSize(2));
    }

    @Test
    void theMeetingsEndDuringAReplayClosesAfterTheFlush() {
        LiveSocket socket = socket(256);
        socket.replaying();
        socket.send(fin(7));
        socket.send("{\"type\":\"ended\",\"meetingId\":\"m\"}");
        socket.end();
        assertThat("not closed while replaying", closed, nullValue());
        socket.replayed(6);
        assertThat(written, contains(fin(7), "{\"type\":\"ended\",\"meetingId\":\"m\"}"));
        assertThat(closed.getCode(), equalTo(1000));
    }

    @Test
    void tooManyFinalsDuringAReplayDropTheClient() {
        LiveSocket socket = socket(4); // holds at most 2
        socket.replaying();
        socket.send(fin(1));
        socket.send(fin(2));
        socket.send(fin(3));
        assertThat(written, hasSize(1));
        assertThat(written.get(0), containsString("SLOW_CONSUMER"));
        assertThat(closed.getCode(), equalTo(1008));
    }
}
