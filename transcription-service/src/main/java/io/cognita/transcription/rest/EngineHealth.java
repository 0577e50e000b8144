package io.cognita.transcription.rest;

import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.Translator;
import io.cognita.transcription.engine.PocketSphinxRecognizer;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether the engines are there, on {@code /q/health/well}: DOWN names what is missing (the Debian package). It is not a
 * readiness check on purpose: a replica without its engines still serves stored transcripts, segments and subtitles, and
 * its live sockets and jobs say ENGINE_UNAVAILABLE; operators alert on this check instead.
 */
@Wellness
@ApplicationScoped
public class EngineHealth implements HealthCheck {

    private final PocketSphinxRecognizer live;
    private final Translator translator;

    public EngineHealth(@Named("live") PocketSphinxRecognizer live, Translator translator) {
        this.live = live;
        this.translator = translator;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder out = HealthCheckResponse.named("engines").up()
                .withData("speech", live.name()).withData("translation", translator.name());
        live.problem().ifPresent(problem -> out.down().withData("speechProblem", problem));
        try {
            int pairs = translator.pairs().size();
            out.withData("translationPairs", pairs);
            if (pairs == 0) {
                out.down().withData("translationProblem", "the translation engine offers no language pair");
            }
        } catch (EngineUnavailableException e) {
            out.down().withData("translationProblem", e.getMessage());
        }
        return out.build();
    }
}
