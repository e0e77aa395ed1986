package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Child JVMs on Kafka's classpath: the broker, and Kafka's command line tools. */
final class KafkaJvm {

    private final String classpath;

    private final Path directory;

    KafkaJvm(String classpath, Path directory) {
        this.classpath = classpath;
        this.directory = directory;
    }

    CallerBoundProcess startServer(List<String> mainAndArgs, Path logFile, Path pidFile) {
        // C1 alone: idle, a broker minutes old spent 25 ms of CPU a second in C2 compiling, as much as on all else; on
        // C1 it served single writes at 100 PUT/s for 1.1 ms of CPU per record instead of 1.6 (README, round 15).
        // The serial collector: G1's concurrent and worker threads cost the broker 3 to 4 ms of CPU a second at rest
        // (24 against 28 ms/s) for a heap that young collections keep small, and G1 grew the broker to 458 to 575 MB
        // of RSS in the benchmark against 379 to 383 (README, round 43).
        List<String> command = javaCommand("info", "-XX:+UseSerialGC", "-Xms256m", "-Xmx512m",
                "-XX:TieredStopAtLevel=1");
        command.addAll(mainAndArgs);
        return CallerBoundProcess.start(command, Map.of("CLASSPATH", this.classpath), logFile, pidFile, false);
    }

    KafkaTools.Result runTool(String mainClass, List<String> args, String stdin, Duration timeout) {
        List<String> command = javaCommand("warn", "-Xmx256m");
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CLASSPATH", this.classpath);
        try {
            Process tool = builder.start();
            CompletableFuture<Void> input = CompletableFuture.runAsync(() -> feed(tool, stdin));
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(tool.getInputStream()));
            if (!tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                tool.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish within " + timeout.toSeconds() + " s");
            }
            input.join();
            return new KafkaTools.Result(tool.exitValue(), output.get(10, TimeUnit.SECONDS));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Running " + mainClass + " failed", ex);
        }
    }

    private List<String> javaCommand(String logLevel, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4jConfig());
        command.add("-Dlocal-stack.log.level=" + logLevel);
        return command;
    }

    private Path log4jConfig() {
        Path config = this.directory.resolve("log4j2.properties");
        if (Files.exists(config)) {
            return config;
        }
        try (InputStream in = KafkaJvm.class.getResourceAsStream("kafka-log4j2.properties")) {
            WholeFiles.replace(config, in.readAllBytes());
            return config;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void feed(Process tool, String stdin) {
        try (OutputStream out = tool.getOutputStream()) {
            if (stdin != null) {
                out.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        catch (IOException ex) {
            // The tool exited without reading all of its input; its exit code and output tell why.
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
