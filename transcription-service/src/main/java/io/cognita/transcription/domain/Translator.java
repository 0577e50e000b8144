package io.cognita.transcription.domain;

import java.util.List;
import java.util.Set;

/** The translation port. */
public interface Translator {

    String name();

    /** The directions this engine translates. */
    Set<LanguagePair> pairs();

    /** The texts translated, one for one, in order; {@link EngineUnavailableException} when the engine fails. */
    List<String> translate(LanguagePair pair, List<String> texts);
}
