package io.cognita.transcription.engine;

import io.cognita.transcription.domain.EngineUnavailableException;
import io.cognita.transcription.domain.LanguagePair;
import io.cognita.transcription.domain.Translator;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded translation engine: Debian's {@code apertium} with whatever language pairs are installed, found at
 * start from its modes directory ({@code eng-spa.mode} → en→es; variants such as {@code spa-eng_US} are skipped).
 * A batch of texts goes through one process, a paragraph each (Apertium keeps line breaks); at most
 * {@code maxProcesses} run at once. Apertium's null-flush mode (-z) does not flush through the {@code apertium}
 * wrapper of these packages, so no process is kept between batches (measured: about 0.15 s per batch).
 */
public class ApertiumTranslator implements Translator {

    private static final Logger LOG = Logger.getLogger(ApertiumTranslator.class);
    private static final Pattern MODE = Pattern.compile("([a-z]{2,3})-([a-z]{2,3})\\.mode");

    private final String command;
    private final Map<LanguagePair, String> modes;
    private final Semaphore processes;

    public ApertiumTranslator(String command, Path modesDir, int maxProcesses) {
        this.command = command;
        this.modes = discover(modesDir);
        this.processes = new Semaphore(maxProcesses);
        LOG.infof("Apertium language pairs: %s", modes.keySet());
    }

    static Map<LanguagePair, String> discover(Path modesDir) {
        Map<LanguagePair, String> found = new HashMap<>();
        if (!Files.isDirectory(modesDir)) {
            return found;
        }
        try (Stream<Path> files = Files.list(modesDir)) {
            files.map(p -> MODE.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .forEach(m -> found.put(LanguagePair.of(m.group(1), m.group(2)), m.group(1) + "-" + m.group(2)));
        } catch (IOException e) {
            LOG.warnf("cannot list Apertium modes in %s: %s", modesDir, e.getMessage());
        }
        return found;
    }

    @Override
    public String name() {
        return "apertium";
    }

    @Override
    public Set<LanguagePair> pairs() {
        return modes.keySet();
    }

    @Override
    public List<String> translate(LanguagePair pair, List<String> texts) {
        String mode = modes.get(pair);
        if (mode == null) {
            throw new IllegalArgumentException("no Apertium mode for " + pair);
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        // a blank line between texts: Apertium then reads each as a paragraph of its own, translated as it would be
        // alone (on plain line breaks it carries sentence context over, "please …" came out lower-case and conjugated)
        StringBuilder input = new StringBuilder();
        for (String text : texts) {
            input.append(text.replace('\n', ' ').replace('\r', ' ')).append("\n\n");
        }
        try {
            if (!processes.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new EngineUnavailableException("every Apertium process is busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted waiting for Apertium", e);
        }
        try {
            String output = run(mode, input.toString());
            List<String> lines = new ArrayList<>(Arrays.asList(output.split("\n", -1)));
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            List<String> translated = new ArrayList<>(texts.size());
            for (int i = 0; i < lines.size(); i++) {
                if (i % 2 == 0) {
                    translated.add(lines.get(i).trim());
                } else if (!lines.get(i).isBlank()) {
                    throw new EngineUnavailableException("Apertium's output lost the blank line after text " + (i / 2 + 1));
                }
            }
            if (translated.size() != texts.size()) {
                throw new EngineUnavailableException("Apertium returned " + translated.size() + " texts for " + texts.size());
            }
            return translated;
        } finally {
            processes.release();
        }
    }

    private String run(String mode, String input) {
        Process process;
        try {
            process = new ProcessBuilder(command, "-u", mode).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new EngineUnavailableException("Apertium cannot start (" + command + "): " + e.getMessage(), e);
        }
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new EngineUnavailableException("Apertium took longer than 60 s");
            }
            if (process.exitValue() != 0) {
                throw new EngineUnavailableException("Apertium failed with exit code " + process.exitValue());
            }
            return new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted while Apertium ran", e);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new EngineUnavailableException("Apertium failed: " + e.getMessage(), e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
