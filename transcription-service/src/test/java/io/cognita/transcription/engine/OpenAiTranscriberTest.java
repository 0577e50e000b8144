package io.cognita.transcription.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.Hypothesis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The OpenAI-compatible adapter against a stub that speaks the API's protocol over HTTP (POST
 * /v1/audio/transcriptions, multipart, verbose_json): no model for a real server can be fetched on these machines.
 */
class OpenAiTranscriberTest {

    private HttpServer server;
    private final AtomicReference<byte[]> received = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int status = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/audio/transcriptions", exchange -> {
            received.set(exchange.getRequestBody().readAllBytes());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"text\":\"hello world. good bye\",\"segments\":[{\"start\":0.0,\"end\":1.2,\"text\":\" hello world.\","
                    + "\"avg_logprob\":-0.1},{\"start\":1.5,\"end\":2.0,\"text\":\" good bye\",\"avg_logprob\":-0.3}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theRecordingGoesAsAWavFileAndSegmentsComeBackTimed() throws Exception {
        OpenAiTranscriber engine = new OpenAiTranscriber("http://127.0.0.1:" + server.getAddress().getPort(), "whisper-1", "key-1", "en-US",
                new ObjectMapper());
        byte[] pcm = new byte[32_000 * 2]; // two seconds of silence
        List<Hypothesis> finals = engine.transcribe(new ByteArrayInputStream(pcm));
        assertThat(finals, hasSize(2));
        assertThat(finals.get(0).text(), equalTo("hello world."));
        assertThat(finals.get(1).startMs(), equalTo(1500L));
        assertThat(finals.get(1).endMs(), equalTo(2000L));
        assertThat(finals.get(0).confidence(), closeTo(Math.exp(-0.1), 1e-9));
        String body = new String(received.get(), StandardCharsets.ISO_8859_1);
        assertThat(body, containsString("name=\"model\"\r\n\r\nwhisper-1"));
        assertThat(body, containsString("name=\"response_format\"\r\n\r\nverbose_json"));
        assertThat(body, containsString("name=\"language\"\r\n\r\nen"));
        assertThat(body, containsString("filename=\"audio.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF"));
        assertThat("the whole WAV: header and samples", received.get().length > 44 + pcm.length, equalTo(true));
        assertThat(authorization.get(), equalTo("Bearer key-1"));
    }

    @Test
    void aServerErrorIsAnUnavailableEngine() {
        status = 500;
        OpenAiTranscriber engine = new OpenAiTranscriber("http://127.0.0.1:" + server.getAddress().getPort(), "whisper-1", "", "en-US",
                new ObjectMapper());
        assertThrows(EngineUnavailableException.class, () -> engine.transcribe(new ByteArrayInputStream(new byte[3200])));
        OpenAiTranscriber nowhere = new OpenAiTranscriber("http://127.0.0.1:9", "whisper-1", "", "en-US", new ObjectMapper());
        assertThrows(EngineUnavailableException.class, () -> nowhere.transcribe(new ByteArrayInputStream(new byte[3200])));
    }
}
