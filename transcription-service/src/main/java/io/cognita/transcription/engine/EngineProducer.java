package io.cognita.transcription.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.transcription.domain.SpeechRecognizer;
import io.cognita.transcription.domain.Translator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;

/** The engines behind the ports, chosen by configuration (cognita.speech.engine, cognita.translation.engine). */
@ApplicationScoped
public class EngineProducer {

    @ConfigProperty(name = "cognita.speech.pocketsphinx.library")
    String library;
    @ConfigProperty(name = "cognita.speech.pocketsphinx.model-dir")
    String model;
    @ConfigProperty(name = "cognita.speech.pocketsphinx.language")
    String language;
    @ConfigProperty(name = "cognita.speech.max-streams")
    int maxStreams;
    @ConfigProperty(name = "cognita.speech.end-of-utterance")
    Duration endOfUtterance;

    /** The live engine: always the streaming one. */
    @Produces
    @Singleton
    @Named("live")
    PocketSphinxRecognizer live() {
        return new PocketSphinxRecognizer(library, Path.of(model), language, maxStreams, endOfUtterance);
    }

    /** The engine for recordings: the embedded one with its own decoders, or an OpenAI-compatible server. */
    @Produces
    @Singleton
    @Named("recorded")
    SpeechRecognizer recorded(ObjectMapper json, @ConfigProperty(name = "cognita.speech.max-recorded-streams") int maxRecorded,
                              @ConfigProperty(name = "cognita.speech.engine") String engine,
                              @ConfigProperty(name = "cognita.speech.openai.url") java.util.Optional<String> url,
                              @ConfigProperty(name = "cognita.speech.openai.model") String openAiModel,
                              @ConfigProperty(name = "cognita.speech.openai.api-key") java.util.Optional<String> apiKey) {
        return switch (engine) {
            // decoders of their own: recordings never take the live streams' decoders, nor the reverse
            case "pocketsphinx" -> new PocketSphinxRecognizer(library, Path.of(model), language, maxRecorded, endOfUtterance);
            case "openai" -> new OpenAiTranscriber(url.orElseThrow(() -> new IllegalStateException(
                    "cognita.speech.engine=openai needs COGNITA_SPEECH_OPENAI_URL")), openAiModel, apiKey.orElse(""), language, json);
            default -> throw new IllegalStateException("unknown cognita.speech.engine " + engine + " (pocketsphinx, openai)");
        };
    }

    @Produces
    @Singleton
    Translator translator(ObjectMapper json, @ConfigProperty(name = "cognita.translation.engine") String engine,
                          @ConfigProperty(name = "cognita.translation.apertium.command") String command,
                          @ConfigProperty(name = "cognita.translation.apertium.modes-dir") String modesDir,
                          @ConfigProperty(name = "cognita.translation.apertium.max-processes") int maxProcesses,
                          @ConfigProperty(name = "cognita.translation.libretranslate.url") java.util.Optional<String> url,
                          @ConfigProperty(name = "cognita.translation.libretranslate.api-key") java.util.Optional<String> apiKey) {
        return switch (engine) {
            case "apertium" -> new ApertiumTranslator(command, Path.of(modesDir), maxProcesses);
            case "libretranslate" -> new LibreTranslateTranslator(url.orElseThrow(() -> new IllegalStateException(
                    "cognita.translation.engine=libretranslate needs COGNITA_LIBRETRANSLATE_URL")), apiKey.orElse(""), json);
            default -> throw new IllegalStateException("unknown cognita.translation.engine " + engine + " (apertium, libretranslate)");
        };
    }

    @Produces
    @Singleton
    AudioDecoder decoder(@ConfigProperty(name = "cognita.audio.ffmpeg") String ffmpeg,
                         @ConfigProperty(name = "cognita.audio.ffmpeg-timeout") Duration timeout) {
        return new AudioDecoder(ffmpeg, timeout);
    }
}
