package dev.contentpipeline.benchmarks;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Sends documents in NDJSON requests of about {@code chunkBytes} (at most {@code maxLines} lines) from
 * {@code concurrency} threads, the way a tuned bulk client does; the documents a request could not take (a 429,
 * a 503) are sent again in a later request.
 */
final class ChunkedLoad {

    /** One request: sends a body, returns the positions (within the chunk) of the lines to send again. */
    interface Sender {
        List<Integer> send(byte[] body, int lines);
    }

    record Settings(int chunkBytes, int maxLines, int concurrency) {

        String label() {
            return (chunkBytes >= 1 << 20 ? (chunkBytes >> 20) + " MB" : (chunkBytes >> 10) + " KB") + " x "
                    + concurrency;
        }
    }

    /** How a load went: requests sent and lines sent again. */
    record Outcome(long requests, long resent) {
    }

    private ChunkedLoad() {
    }

    /** Sends lines {@code from} to {@code to - 1}; returns once every line was taken. */
    static Outcome run(int from, int to, IntFunction<byte[]> line, Settings settings, Sender sender) {
        List<int[]> chunks = chunks(from, to, line, settings);
        AtomicInteger next = new AtomicInteger();
        AtomicLong requests = new AtomicLong();
        AtomicLong resent = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency(), task -> {
            Thread thread = new Thread(task, "bulk-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < settings.concurrency(); w++) {
                running.add(workers.submit(() -> {
                    for (int c = next.getAndIncrement(); c < chunks.size(); c = next.getAndIncrement()) {
                        List<Integer> pending = new ArrayList<>();
                        for (int i = chunks.get(c)[0]; i < chunks.get(c)[1]; i++) {
                            pending.add(i);
                        }
                        int attempt = 0;
                        while (!pending.isEmpty()) {
                            if (attempt++ > 0) {
                                resent.addAndGet(pending.size());
                                pause(Math.min(2_000, 50L << Math.min(attempt, 6)));
                            }
                            List<Integer> again = sender.send(body(pending, line), pending.size());
                            requests.incrementAndGet();
                            List<Integer> retry = new ArrayList<>(again.size());
                            again.forEach(position -> retry.add(pending.get(position)));
                            pending.clear();
                            pending.addAll(retry);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            workers.shutdownNow();
        }
        return new Outcome(requests.get(), resent.get());
    }

    /** Cuts the lines into requests before any is sent, so that every setting sees the same requests. */
    private static List<int[]> chunks(int from, int to, IntFunction<byte[]> line, Settings settings) {
        List<int[]> chunks = new ArrayList<>();
        int start = from;
        long bytes = 0;
        for (int i = from; i < to; i++) {
            bytes += line.apply(i).length;
            if (bytes >= settings.chunkBytes() || i + 1 - start >= settings.maxLines()) {
                chunks.add(new int[] {start, i + 1});
                start = i + 1;
                bytes = 0;
            }
        }
        if (start < to) {
            chunks.add(new int[] {start, to});
        }
        return chunks;
    }

    private static byte[] body(List<Integer> lines, IntFunction<byte[]> line) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(lines.size() * 6_000);
        lines.forEach(i -> body.writeBytes(line.apply(i)));
        return body.toByteArray();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
