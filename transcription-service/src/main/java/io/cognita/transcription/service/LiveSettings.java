package io.cognita.transcription.service;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.Optional;

/** The live protocol's limits and timings ({@code cognita.live.*}; what each means is in application.properties). */
@ConfigMapping(prefix = "cognita.live")
public interface LiveSettings {

    Optional<String> redisUrl();

    Duration healthEvery();

    Duration recheckEvery();

    int maxPendingFrames();

    int maxSpeakerStreamsPerUser();

    int maxSocketsPerUser();

    Duration speakerIdle();

    Duration audioAhead();

    int finalCaptionBurst();

    int finalCaptionsPerSecond();

    int partialCaptionsPerSecond();

    int maxAudioFrame();

    int maxTextFrame();

    int translationThreads();

    int translationQueue();

    int translationBacklog();

    Duration replayWriteTimeout();

    Duration replayDeadline();
}
