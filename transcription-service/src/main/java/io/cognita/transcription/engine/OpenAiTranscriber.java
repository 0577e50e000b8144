package io.cognita.transcription.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.Hypothesis;
import io.cognita.transcription.domain.RecognitionStream;
import io.cognita.transcription.domain.SpeechRecognizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.OutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Recorded audio through an OpenAI-compatible {@code POST /v1/audio/transcriptions} server (whisper.cpp's server,
 * faster-whisper, vLLM): the recording as a WAV file, {@code response_format=verbose_json}, its segments as finals.
 * Live streams stay with the embedded engine (these servers take whole files).
 */
public class OpenAiTranscriber implements SpeechRecognizer {

    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final String language;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public OpenAiTranscriber(String baseUrl, String model, String apiKey, String language, ObjectMapper json) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/audio/transcriptions");
        this.model = model;
        this.apiKey = apiKey;
        this.language = language;
        this.json = json;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public RecognitionStream open() {
        throw new EngineUnavailableException("the OpenAI-compatible engine transcribes recordings, not live streams");
    }

    @Override
    public List<Hypothesis> transcribe(InputStream pcm) throws IOException {
        // the decoded audio goes to a temporary WAV file, then to the server from the file: never whole in memory
        Path wav = Files.createTempFile("cognita-openai", ".wav");
        try {
            long bytes;
            try (OutputStream out = Files.newOutputStream(wav)) {
                out.write(new byte[44]);
                bytes = pcm.transferTo(out);
            }
            try (RandomAccessFile header = new RandomAccessFile(wav.toFile(), "rw")) {
                header.write(wavHeader(bytes));
            }
            return send(wav, bytes * 1000 / 2 / RecognitionStream.SAMPLE_RATE);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private List<Hypothesis> send(Path wav, long durationMs) throws IOException {
        String boundary = "cognita-" + UUID.randomUUID();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        field(head, boundary, "model", model);
        field(head, boundary, "response_format", "verbose_json");
        field(head, boundary, "language", language.substring(0, 2));
        write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audio.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()),
                        HttpRequest.BodyPublishers.ofFile(wav),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EngineUnavailableException("the transcription server at " + endpoint + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new EngineUnavailableException("the transcription server answered " + response.statusCode());
        }
        try {
            JsonNode result = json.readTree(response.body());
            List<Hypothesis> finals = new ArrayList<>();
            for (JsonNode segment : result.path("segments")) {
                String text = segment.path("text").asText("").trim();
                if (!text.isEmpty()) {
                    Double confidence = segment.has("avg_logprob") ? Math.exp(segment.path("avg_logprob").asDouble()) : null;
                    finals.add(new Hypothesis(text, true, Math.round(segment.path("start").asDouble() * 1000),
                            Math.round(segment.path("end").asDouble() * 1000), confidence));
                }
            }
            if (finals.isEmpty() && !result.path("text").asText("").isBlank()) {
                finals.add(new Hypothesis(result.path("text").asText().trim(), true, 0,
                        durationMs, null));
            }
            return finals;
        } catch (IOException e) {
            throw new EngineUnavailableException("the transcription server's answer is not JSON", e);
        }
    }

    /** The 44-byte header of a 16 kHz mono PCM16 WAV file with {@code dataBytes} of samples. */
    static byte[] wavHeader(long dataBytes) {
        int data = (int) Math.min(dataBytes, 0xFFFFFFFFL - 36);
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(RecognitionStream.SAMPLE_RATE).putInt(RecognitionStream.SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        return b.array();
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
