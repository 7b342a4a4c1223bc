package com.ccabot.telegram;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work for many conversations at once but, within one conversation, strictly in arrival order: each
 * conversation is a lane whose tasks chain one after another on a shared pool, so a slow answer in one chat never
 * stalls the others.
 */
final class ChatLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);

    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** @param threads how many lanes may run at the same moment; lanes mostly wait on Telegram's pacing */
    ChatLanes(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "telegram-lane-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void submit(String lane, Runnable task) {
        tails.compute(lane, (key, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = previous.thenRunAsync(() -> run(task), pool);
            next.whenComplete((ignored, error) -> tails.remove(key, next));
            return next;
        });
    }

    /** Waits for the work already submitted, up to a limit; true when all of it finished. */
    boolean drain(long timeout, TimeUnit unit) throws InterruptedException {
        CompletableFuture<Void> all = CompletableFuture.allOf(tails.values().toArray(CompletableFuture[]::new));
        try {
            all.get(timeout, unit);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return all.isDone();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("failed to handle a Telegram update", e);
        }
    }
}
