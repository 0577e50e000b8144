package io.cognita.transcription.engine;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The calls of PocketSphinx's C API (Debian's libpocketsphinx3, 5prealpha API, and libsphinxbase3 which it loads)
 * that a streaming decoder needs.
 */
interface PocketSphinxLibrary extends Library {

    Pointer ps_args();

    Pointer cmd_ln_init(Pointer inout, Pointer definitions, int strict, Object... arguments);

    Pointer ps_init(Pointer config);

    int ps_start_utt(Pointer decoder);

    int ps_process_raw(Pointer decoder, short[] data, long samples, int noSearch, int fullUtterance);

    int ps_end_utt(Pointer decoder);

    String ps_get_hyp(Pointer decoder, IntByReference bestScore);

    int ps_get_prob(Pointer decoder);

    byte ps_get_in_speech(Pointer decoder);

    Pointer ps_get_logmath(Pointer decoder);

    double logmath_exp(Pointer logmath, int logValue);

    int ps_free(Pointer decoder);

    int cmd_ln_free_r(Pointer config);
}
