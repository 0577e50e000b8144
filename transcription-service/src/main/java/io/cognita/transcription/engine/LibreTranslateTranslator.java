package io.cognita.transcription.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.LanguagePair;
import io.cognita.transcription.domain.Translator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A LibreTranslate-compatible server: pairs from {@code GET /languages}, texts through {@code POST /translate}. */
public class LibreTranslateTranslator implements Translator {

    private final String baseUrl;
    private final String apiKey;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile Set<LanguagePair> pairs;

    public LibreTranslateTranslator(String baseUrl, String apiKey, ObjectMapper json) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.json = json;
    }

    @Override
    public String name() {
        return "libretranslate";
    }

    @Override
    public Set<LanguagePair> pairs() {
        if (pairs == null) {
            JsonNode languages = call(HttpRequest.newBuilder(URI.create(baseUrl + "/languages")).GET());
            Set<LanguagePair> found = new HashSet<>();
            for (JsonNode language : languages) {
                for (JsonNode target : language.path("targets")) {
                    if (!target.asText().equals(language.path("code").asText())) {
                        found.add(LanguagePair.of(language.path("code").asText(), target.asText()));
                    }
                }
            }
            pairs = Set.copyOf(found);
        }
        return pairs;
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", texts);
        body.put("source", pair.source());
        body.put("target", pair.target());
        body.put("format", "text");
        if (apiKey != null && !apiKey.isBlank()) {
            body.put("api_key", apiKey);
        }
        try {
            JsonNode result = call(HttpRequest.newBuilder(URI.create(baseUrl + "/translate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
            List<String> out = new ArrayList<>();
            result.path("translatedText").forEach(t -> out.add(t.asText()));
            if (out.size() != texts.size()) {
                throw new EngineUnavailableException("the translation server returned " + out.size() + " texts for " + texts.size());
            }
            return out;
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot write the translation request", e);
        }
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new EngineUnavailableException("the translation server answered " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new EngineUnavailableException("the translation server at " + baseUrl + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted", e);
        }
    }
}
