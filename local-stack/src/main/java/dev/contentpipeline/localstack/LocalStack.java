package dev.contentpipeline.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A real Kafka broker and a real Elasticsearch, without Docker, in child processes that stop with this JVM
 * (on {@link #close()}, at shutdown, and even when the JVM is killed).
 */
public final class LocalStack implements AutoCloseable {

    private static final System.Logger log = System.getLogger(LocalStack.class.getName());

    private final LocalStackOptions options;

    private final KafkaServer kafka;

    private final ElasticsearchServer elasticsearch;

    private LocalStack(LocalStackOptions options) {
        this.options = options;
        this.kafka = new KafkaServer(options.workDir().resolve("kafka"), options.kafkaPort());
        this.elasticsearch = new ElasticsearchServer(options.workDir().resolve("elasticsearch"),
                options.elasticsearchPort(), options.elasticsearchHeap(), options.elasticsearchPlugins());
    }

    /**
     * Starts Kafka and Elasticsearch side by side and returns once both are ready.
     * @throws IllegalStateException if either fails to start within about two minutes, with the end of its log
     */
    public static LocalStack start(LocalStackOptions options) {
        long startNanos = System.nanoTime();
        LocalStack stack = new LocalStack(options);
        List<Throwable> failures = runSideBySide(stack.kafka::start, stack.elasticsearch::start);
        if (!failures.isEmpty()) {
            stack.stopServers();
            IllegalStateException failure = new IllegalStateException(
                    "The local stack did not start (work dir " + options.workDir() + "): "
                            + failures.get(0).getMessage(), failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
        log.log(System.Logger.Level.INFO, "Local stack ready in {0} ms: Kafka {1}, Elasticsearch {2}",
                String.valueOf((System.nanoTime() - startNanos) / 1_000_000), stack.kafkaBootstrapServers(),
                stack.elasticsearchUrl());
        return stack;
    }

    public String kafkaBootstrapServers() {
        return this.kafka.bootstrapServers();
    }

    public String elasticsearchUrl() {
        return this.elasticsearch.url();
    }

    public KafkaServer kafka() {
        return this.kafka;
    }

    public ElasticsearchServer elasticsearch() {
        return this.elasticsearch;
    }

    /** Stops both servers and returns once their processes are gone; a test run's work dir is removed too. */
    @Override
    public void close() {
        stopServers();
        if (WorkDirs.isTestRun(this.options.workDir())) {
            FileTrees.deleteRecursively(this.options.workDir());
        }
    }

    /** Stops both servers, keeping the work dir with their logs. */
    private void stopServers() {
        runSideBySide(this.kafka::close, this.elasticsearch::close)
            .forEach((failure) -> log.log(System.Logger.Level.WARNING, "Stopping the local stack failed", failure));
    }

    private static List<Throwable> runSideBySide(Runnable first, Runnable second) {
        ExecutorService executor = Executors.newFixedThreadPool(2, (task) -> {
            Thread thread = new Thread(task, "local-stack");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = List.of(executor.submit(first), executor.submit(second));
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> task : running) {
                try {
                    task.get();
                }
                catch (ExecutionException ex) {
                    failures.add(ex.getCause());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    failures.add(ex);
                }
            }
            return failures;
        }
        finally {
            executor.shutdown();
        }
    }
}
