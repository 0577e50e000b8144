package io.cognita.transcription.domain;

/** A speech or translation engine is missing, failing or has no capacity left: 503 ENGINE_UNAVAILABLE. */
public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineUnavailableException(String message) {
        super(message);
    }
}
