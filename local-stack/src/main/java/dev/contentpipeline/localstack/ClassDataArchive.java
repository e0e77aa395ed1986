package dev.contentpipeline.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a service's jar from an extracted copy with a class-data archive: the classes Spring Boot, the Kafka and
 * Elasticsearch clients load while the application context starts are read already parsed and verified from one
 * mapped file instead of out of the nested jars. index-service alone was ready after 4.9 s instead of 9.0 with 7.8
 * CPU seconds instead of 14.0, medians of 4 rounds (README, Benchmarks).
 * <p>
 * The first start of a jar pays for it once: Spring Boot's tools extract the jar (its classes and a {@code lib/}
 * folder on the manifest's class path), then a training run starts the application context with the service's own
 * environment and exits when it is refreshed ({@code -Dspring.context.exit=onRefresh}, before any listener or web
 * port starts), writing the classes it loaded ({@code -XX:ArchiveClassesAtExit}). Both stay under
 * /var/tmp/content-pipeline/class-data, one folder per jar content, for every later start. Anything that goes wrong
 * on the way (a failed extraction, a training run that fails) starts the jar as it is, and says why.
 * {@code PIPELINE_CLASS_DATA_SHARING=false} (or {@code -Dpipeline.class-data-sharing=false}) always does.
 */
final class ClassDataArchive {

    private static final System.Logger log = System.getLogger(ClassDataArchive.class.getName());

    static final Path ROOT = WorkDirs.ROOT.resolve("class-data");

    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);

    /** Another build's copy of the same jar, unused this long, is removed when a new one is made. */
    private static final Duration UNUSED = Duration.ofHours(1);

    private static final String ARCHIVE = "classes.jsa";

    private static final Object LOCK = new Object();

    private ClassDataArchive() {
    }

    private static boolean enabled() {
        String setting = System.getProperty("pipeline.class-data-sharing",
                System.getenv().getOrDefault("PIPELINE_CLASS_DATA_SHARING", "true"));
        return !"false".equalsIgnoreCase(setting.strip());
    }

    /**
     * What follows the JVM options to run the jar: {@code -XX:SharedArchiveFile=... -jar <extracted jar>}, or
     * {@code -jar <jar>} when sharing is off or the archive could not be made.
     *
     * @param jvm the java command and the JVM options the service runs with (the training run uses them too)
     * @param environment the service's environment, for the training run
     * @param trainingLog where the extraction and the training run write
     */
    static List<String> launchArguments(Path jar, List<String> jvm, Map<String, String> environment,
            Path trainingLog) {
        List<String> plain = List.of("-jar", jar.toString());
        if (!enabled()) {
            return plain;
        }
        try {
            synchronized (LOCK) {
                WorkDirs.root();
                Files.createDirectories(ROOT);
                try (FileChannel channel = FileChannel.open(ROOT.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    return prepare(jar, jvm, environment, trainingLog).orElse(plain);
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            log.log(System.Logger.Level.WARNING, "Starting {0} without a class-data archive: {1}", jar.getFileName(),
                    ex.getMessage());
            return plain;
        }
    }

    private static Optional<List<String>> prepare(Path jar, List<String> jvm,
            Map<String, String> environment, Path trainingLog) throws IOException {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path folder = ROOT.resolve(name + "-" + contentHash(jar));
        Path extracted = folder.resolve("app").resolve(jar.getFileName());
        Path archive = folder.resolve(ARCHIVE);
        if (!Files.isRegularFile(archive) || !Files.isRegularFile(extracted)) {
            FileTrees.deleteRecursively(folder);
            removeUnused(name);
            Files.createDirectories(folder);
            long started = System.nanoTime();
            if (!extract(jar, jvm.get(0), folder.resolve("app"), trainingLog)
                    || !train(extracted, jvm, environment, folder, trainingLog)) {
                log.log(System.Logger.Level.WARNING, "No class-data archive for {0} (see {1}): starting it as it is",
                        jar.getFileName(), trainingLog);
                FileTrees.deleteRecursively(folder);
                return Optional.empty();
            }
            log.log(System.Logger.Level.INFO, "Class-data archive for {0} made in {1} ms: {2}", jar.getFileName(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), archive);
        }
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now()));
        return Optional.of(List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString()));
    }

    private static boolean extract(Path jar, String javaCommand, Path destination, Path trainingLog) {
        return run(List.of(javaCommand, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                destination.toString()), Map.of(), trainingLog);
    }

    /** Starts the application context once, with the service's settings, and keeps the classes it loaded. */
    private static boolean train(Path extracted, List<String> jvm, Map<String, String> environment, Path folder,
            Path trainingLog) throws IOException {
        Path written = folder.resolve("training.jsa");
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + written, "-Dspring.context.exit=onRefresh",
                "-jar", extracted.toString()));
        Map<String, String> training = new HashMap<>(environment);
        training.put("SERVER_PORT", "0");
        if (!run(command, training, trainingLog) || !Files.isRegularFile(written)) {
            return false;
        }
        Files.move(written, folder.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static boolean run(List<String> command, Map<String, String> environment, Path output) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            // A profiler asked for the service itself (the benchmark's flight recordings) has no place in training.
            builder.environment().remove("JDK_JAVA_OPTIONS");
            Process process = builder.start();
            if (!process.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Copies of the same jar from other builds, unused for an hour: a running service keeps its open files. */
    private static void removeUnused(String name) throws IOException {
        FileTime unusedBefore = FileTime.from(Instant.now().minus(UNUSED));
        try (Stream<Path> folders = Files.list(ROOT)) {
            for (Path other : folders.toList()) {
                String otherName = other.getFileName().toString();
                if (otherName.startsWith(name + "-") && otherName.length() == name.length() + 17
                        && Files.getLastModifiedTime(other).compareTo(unusedBefore) < 0) {
                    FileTrees.deleteRecursively(other);
                }
            }
        }
    }

    /** The first 16 hex digits of the jar's SHA-256: a rebuilt jar with the same content keeps its archive. */
    private static String contentHash(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
