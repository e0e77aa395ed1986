package dev.contentpipeline.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Queries at a constant rate, open loop: each is sent at its scheduled instant whether or not earlier ones have
 * answered, and its latency counts from that instant, so a stall shows in the percentiles instead of lowering the
 * rate (no coordinated omission).
 */
final class SearchLoad {

    static final int MAX_IN_FLIGHT = 256;
    static final double SUSTAINED_SHARE = 0.95;
    static final double RATE_STEP = 1.5;
    static final int MAX_STEPS = 12;

    /**
     * One constant-rate stretch.
     * @param serverMillis the time the answer says the search took: search-service's tookMs (its round trip to
     *        Elasticsearch), Elasticsearch's took
     */
    record Stretch(int rate, int sent, int answeredInTime, Latencies latencies, Latencies serverMillis) {

        boolean sustained(Duration slo) {
            return answeredInTime >= SUSTAINED_SHARE * sent && latencies.failures() == 0
                    && latencies.p99() <= slo.toMillis();
        }
    }

    /** The highest rate sustained, and every step tried on the way. */
    record Capacity(int highestSustained, List<Stretch> steps) {
    }

    private final LongFunction<CompletableFuture<Http.Answer>> queries;
    private final String tookField;
    private long sequence;

    /**
     * @param queries asks the n-th query of the mix, in one request or several in a row, and completes with the
     *        answer that says how long the search took
     * @param tookField the answer's field holding the server-side time in milliseconds
     */
    SearchLoad(LongFunction<CompletableFuture<Http.Answer>> queries, String tookField) {
        this.queries = queries;
        this.tookField = tookField;
    }

    /** Sends the whole mix once per round, one query at a time: JIT and caches warmed before anything counts. */
    void warmUp(int rounds, int mixSize, Log log) {
        int failed = 0;
        for (int i = 0; i < rounds * mixSize; i++) {
            try {
                queries.apply(i).join().orThrow("Warm-up query");
            } catch (RuntimeException e) {
                if (failed++ == 0) {
                    log.line("a warm-up query failed: %s", e.getMessage());
                }
            }
        }
        if (failed == rounds * mixSize) {
            throw new IllegalStateException("every warm-up query failed");
        }
    }

    Stretch run(int rate, Duration time) {
        int total = (int) Math.max(1, rate * time.toMillis() / 1_000);
        Latencies latencies = new Latencies();
        Latencies server = new Latencies();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong lastIntended = new AtomicLong();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 20_000_000L;
        for (int k = 0; k < total; k++) {
            long intended = start + k * period;
            lastIntended.set(intended);
            LockSupport.parkNanos(intended - System.nanoTime());
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                latencies.fail();
                continue;
            }
            inFlight.incrementAndGet();
            queries.apply(sequence++).whenComplete((answer, e) -> {
                long now = System.nanoTime();
                inFlight.decrementAndGet();
                if (e == null && answer.status() == 200) {
                    latencies.add(now - intended);
                    long took = took(answer.body(), tookField);
                    if (took >= 0) {
                        server.add(took * 1_000_000L);
                    }
                } else {
                    latencies.fail();
                }
            });
        }
        long graceEnd = lastIntended.get() + Duration.ofSeconds(1).toNanos();
        LockSupport.parkNanos(graceEnd - System.nanoTime());
        int inTime = latencies.count();
        long drained = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drained) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return new Stretch(rate, total, inTime, latencies, server);
    }

    /**
     * Raises the rate step by step until a step is not sustained; each step lasts {@code stepTime}.
     *
     * @param goal a rate tried as a step of its own (the goal's), so that a rate between two steps is not read as
     *        missed
     */
    Capacity capacity(int firstRate, int goal, Duration stepTime, Duration slo, Log log, String label) {
        List<Stretch> steps = new ArrayList<>();
        int highest = 0;
        for (int rate : rates(firstRate, goal)) {
            Stretch stretch = run(rate, stepTime);
            steps.add(stretch);
            log.line("%-15s %5d q/s offered: %5d of %5d answered in time, p50 %6.1f ms, p99 %7.1f ms, %d failed",
                    label, stretch.rate(), stretch.answeredInTime(), stretch.sent(), stretch.latencies().p50(),
                    stretch.latencies().p99(), stretch.latencies().failures());
            if (!stretch.sustained(slo)) {
                break;
            }
            highest = stretch.rate();
        }
        return new Capacity(highest, steps);
    }

    /** The rates tried: {@code first} times {@link #RATE_STEP} again and again, and {@code goal} among them. */
    static List<Integer> rates(int first, int goal) {
        SortedSet<Integer> rates = new TreeSet<>();
        double rate = first;
        for (int step = 0; step < MAX_STEPS; step++) {
            rates.add((int) Math.round(rate));
            rate *= RATE_STEP;
        }
        if (goal > first && goal < rates.last()) {
            rates.add(goal);
        }
        return List.copyOf(rates);
    }

    /** The number after {@code "<field>":} in a JSON answer, without parsing the rest; -1 if absent. */
    static long took(byte[] body, String field) {
        String head = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
        String key = "\"" + field + "\":";
        int at = head.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int from = at + key.length();
        int to = from;
        while (to < head.length() && Character.isDigit(head.charAt(to))) {
            to++;
        }
        return to > from ? Long.parseLong(head.substring(from, to)) : -1;
    }
}
