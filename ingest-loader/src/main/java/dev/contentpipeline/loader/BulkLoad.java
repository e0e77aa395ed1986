package dev.contentpipeline.loader;

import dev.contentpipeline.client.IngestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Pushes an input file through the bulk API a chunk at a time. A chunk is settled when each of its items was
 * accepted or rejected; items the broker left unacknowledged (503), and chunks refused for the moment (429, no
 * answer), are sent again after Retry-After or a growing pause, up to the retries allowed. After each settled
 * chunk the state file records how far the load got, so a run stopped anywhere resumes after the last settled
 * chunk; items of a chunk in flight when it stopped are sent again, which writes are made to allow (idempotent
 * by id).
 */
final class BulkLoad {

    /** Bulk requests stay under the service's 10 MB limit, however many lines they hold. */
    static final int MAX_REQUEST_BYTES = 9 * 1024 * 1024;
    private static final int REJECTIONS_KEPT = 20;

    /** Told after each settled chunk. */
    interface Progress {
        void settled(LoadState state, long total);
    }

    /** An item that was not accepted, and why. */
    record Rejection(long number, String reason) {
    }

    /** @param firstRejections the first few rejections of this run */
    record Outcome(LoadState state, long total, boolean resumed, List<Rejection> firstRejections) {
    }

    private final LoaderOptions options;
    private final IngestClient ingest;
    private final List<Rejection> rejections = new ArrayList<>();

    BulkLoad(LoaderOptions options) {
        this.options = options;
        // Generous: a chunk of up to 9 MB waits for the broker to acknowledge every line.
        this.ingest = new IngestClient(options.url().toString(), options.key(), Duration.ofMinutes(2));
    }

    Outcome run(Progress progress) throws IOException, InterruptedException, LoadStoppedException {
        LoadState fresh = LoadState.fresh(options.input());
        LoadState saved = options.restart() ? null : LoadState.read(options.state());
        if (saved != null && !saved.belongsTo(fresh)) {
            throw new LoadStoppedException(options.state() + " records the progress of another version of "
                    + options.input() + "; pass --restart to load it from the start", true);
        }
        LoadState state = saved != null ? saved : fresh;
        long total = InputItems.count(options.input());
        progress.settled(state, total);
        try (InputItems items = InputItems.open(options.input(), options.type())) {
            List<InputItems.Item> chunk = new ArrayList<>();
            long bytes = 0;
            for (InputItems.Item item = items.next(); item != null; item = items.next()) {
                if (item.number() <= state.settled()) {
                    continue;
                }
                long size = item.bulkLine().getBytes(StandardCharsets.UTF_8).length + 1L;
                if (!chunk.isEmpty() && (chunk.size() == options.chunkLines() || bytes + size > MAX_REQUEST_BYTES)) {
                    state = settle(chunk, state);
                    progress.settled(state, total);
                    chunk.clear();
                    bytes = 0;
                }
                chunk.add(item);
                bytes += size;
            }
            if (!chunk.isEmpty()) {
                state = settle(chunk, state);
                progress.settled(state, total);
            }
        }
        Files.deleteIfExists(options.state());
        return new Outcome(state, total, saved != null, List.copyOf(rejections));
    }

    private LoadState settle(List<InputItems.Item> chunk, LoadState state)
            throws InterruptedException, LoadStoppedException, IOException {
        long accepted = 0;
        long rejected = 0;
        List<InputItems.Item> pending = new ArrayList<>();
        for (InputItems.Item item : chunk) {
            if (item.bulkLine().getBytes(StandardCharsets.UTF_8).length >= MAX_REQUEST_BYTES) {
                rejected++;
                reject(item.number(), "larger than a bulk request may be; send it with PUT");
            } else {
                pending.add(item);
            }
        }
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            BulkAnswer answer = BulkAnswer.read(ingest.bulk(body(pending)), ingest.baseUrl());
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped while waiting for the bulk API's answer");
            }
            List<InputItems.Item> unsettled = new ArrayList<>();
            if (answer.lines() != null) {
                for (BulkAnswer.LineOutcome line : answer.lines()) {
                    InputItems.Item item = pending.get(line.line() - 1);
                    switch (line.status()) {
                        case 202 -> accepted++;
                        case 400 -> {
                            rejected++;
                            reject(item.number(), line.reason());
                        }
                        default -> unsettled.add(item);
                    }
                }
            } else if (answer.status() == 429 || answer.status() == 0 || answer.status() >= 500) {
                unsettled = pending;
            } else {
                throw new LoadStoppedException("the service refused the request: " + answer.problem(), true);
            }
            pending = unsettled;
            if (!pending.isEmpty()) {
                if (attempt >= options.retries()) {
                    throw new LoadStoppedException("items from " + pending.get(0).number() + " on were not taken "
                            + "after " + (attempt + 1) + " attempts: " + (answer.problem() != null ? answer.problem()
                            : "the broker did not acknowledge them"), false);
                }
                Thread.sleep(pause(answer.retryAfter(), attempt).toMillis());
            }
        }
        LoadState settled = state.settledThrough(chunk.get(chunk.size() - 1).number(), accepted, rejected);
        settled.write(options.state());
        return settled;
    }

    private static String body(List<InputItems.Item> items) {
        return items.stream().map(InputItems.Item::bulkLine).collect(Collectors.joining("\n", "", "\n"));
    }

    private void reject(long number, String reason) {
        if (rejections.size() < REJECTIONS_KEPT) {
            rejections.add(new Rejection(number, reason));
        }
    }

    private static Duration pause(Duration retryAfter, int attempt) {
        return retryAfter != null ? retryAfter : Duration.ofSeconds(Math.min(30, 1L << attempt));
    }
}
