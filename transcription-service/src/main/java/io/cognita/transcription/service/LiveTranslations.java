package io.cognita.transcription.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where live finals are translated: a bounded pool of its own (a burst of finals cannot take the worker threads the
 * sockets need), and one chain per meeting and language, so listeners get a meeting's translations in the order of its
 * finals. Work that finds its chain {@code translation-backlog} deep, or the pool's queue full, is refused at once
 * rather than queued without end (a refused final then goes out untranslated, possibly ahead of the translations
 * still waiting: its seq tells the client where it belongs).
 */
@ApplicationScoped
public class LiveTranslations {

    private static final class Chain {
        CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
        int waiting;
    }

    private final ThreadPoolExecutor pool;
    private final int backlog;
    private final Map<String, Chain> chains = new ConcurrentHashMap<>();

    public LiveTranslations(LiveSettings settings) {
        this.backlog = settings.translationBacklog();
        int threads = settings.translationThreads();
        int queue = settings.translationQueue();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "live-translation");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code work} after the earlier work of the same key; {@code refused} instead when there is no room. */
    public void submit(String key, Runnable work, Runnable refused) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] previous = new CompletableFuture[1];
        chains.compute(key, (k, found) -> {
            Chain chain = found == null ? new Chain() : found;
            if (chain.waiting < backlog) {
                chain.waiting++;
                previous[0] = chain.tail;
                chain.tail = mine;
            }
            return chain;
        });
        if (previous[0] == null) {
            refused.run();
            return;
        }
        // chained outside compute: a rejection completes at once, in this thread
        previous[0].thenRunAsync(work, pool).whenComplete((ok, failure) -> {
            try {
                if (failure != null && (failure instanceof RejectedExecutionException || failure.getCause() instanceof RejectedExecutionException)) {
                    refused.run();
                }
            } finally {
                chains.computeIfPresent(key, (k, chain) -> --chain.waiting == 0 ? null : chain);
                mine.complete(null);
            }
        });
    }

    /** Runs {@code work} after the earlier work of the same key, whatever the backlog (the meeting's end, say). */
    public void after(String key, Runnable work) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] previous = new CompletableFuture[1];
        chains.compute(key, (k, found) -> {
            Chain chain = found == null ? new Chain() : found;
            chain.waiting++;
            previous[0] = chain.tail;
            chain.tail = mine;
            return chain;
        });
        previous[0].thenRun(work).whenComplete((ok, failure) -> {
            chains.computeIfPresent(key, (k, chain) -> --chain.waiting == 0 ? null : chain);
            mine.complete(null);
        });
    }

    /** Chains with work waiting (for tests and metrics). */
    int chains() {
        return chains.size();
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
