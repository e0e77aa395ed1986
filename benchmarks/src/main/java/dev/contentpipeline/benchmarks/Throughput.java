package dev.contentpipeline.benchmarks;

/**
 * One timed load: from the first request to the last acknowledgement, and to the moment a count saw every
 * document (all by {@link System#nanoTime()}).
 *
 * @param requests HTTP requests or Kafka batches sent
 * @param resent documents sent again after a 429 or 503
 */
record Throughput(int docs, long started, long acknowledged, long searchable, long requests, long resent) {

    double seconds() {
        return (searchable - started) / 1e9;
    }

    /** Documents per second until all were searchable: the figure the ratios compare. */
    double docsPerSecond() {
        return docs / seconds();
    }

    double acknowledgedPerSecond() {
        return docs / ((acknowledged - started) / 1e9);
    }
}
