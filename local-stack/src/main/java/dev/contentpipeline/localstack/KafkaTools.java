package dev.contentpipeline.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Kafka's own command line tools (for example {@code org.apache.kafka.tools.ConsoleProducer}), each in a child JVM
 * on the classpath of the broker this module was built with, against any broker: the one a test JVM started, the
 * build's local stack or a broker in a container alike.
 */
public final class KafkaTools {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private KafkaTools() {
    }

    /**
     * Runs a tool and waits up to two minutes for it.
     * @param stdin fed to the tool's standard input, or null for none
     */
    public static Result run(String mainClass, List<String> args, String stdin) {
        return jvm().runTool(mainClass, args, stdin, TIMEOUT);
    }

    private static KafkaJvm jvm() {
        // The tools' log configuration is written once and shared; every tool logs to its own output.
        Path directory = WorkDirs.root().resolve("kafka-tools");
        return new KafkaJvm(BuildTimeResources.kafkaClasspath(), directory);
    }

    /** What a tool exited with, and its standard output and error together. */
    public record Result(int exitCode, String output) {
    }
}
