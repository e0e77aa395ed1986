package dev.contentpipeline.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the CPU goes, from JFR's execution samples (every 20 ms per running Java thread): the services record from
 * their start, Elasticsearch and Kafka from a {@code jcmd JFR.start} (as its own user, when it runs as another one).
 * Samples are counted per phase by their timestamps: by thread (pool names, numbers stripped), by top frame, and by
 * the nearest frame of the pipeline's own code.
 *
 * <p>The recordings hold execution samples and nothing else ({@link #SETTINGS}): the report reads no other event.
 * JFR's default settings recorded about fifty types (allocation samples, GC phases, socket and file I/O, thread parks,
 * monitors) into recordings five to fifteen times as large, and their own threads took twice the CPU (README, round
 * 39).
 */
final class Profiles {

    /** JFR settings: Java execution samples every 20 ms, every other event off. */
    static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="Execution samples" description="Java execution samples every 20 ms, nothing else">
              <event name="jdk.ExecutionSample">
                <setting name="enabled">true</setting>
                <setting name="period">20 ms</setting>
              </event>
            </configuration>
            """;

    /** Share of a phase's samples per thread, top frame and own frame, the largest first. */
    record Summary(long samples, List<Map.Entry<String, Long>> threads, List<Map.Entry<String, Long>> topFrames,
                   List<Map.Entry<String, Long>> ownFrames) {
    }

    private Profiles() {
    }

    /**
     * Writes {@link #SETTINGS} into a folder, readable by every user (a JVM that runs as another user reads it when
     * jcmd starts its recording); returns the file.
     */
    static Path settingsIn(Path folder) throws IOException {
        Path file = folder.resolve("execution-samples.jfc");
        Files.writeString(file, SETTINGS);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    /** Starts a recording in a running JVM; returns false (and why on the log) if jcmd could not. */
    static boolean start(long pid, Path settings, Log log) {
        return jcmd(pid, log, "JFR.start", "name=benchmark", "settings=" + settings) != null;
    }

    /** Writes the running recording to {@code file}, which the target's user must be able to write. */
    static boolean dump(long pid, Path file, Log log) {
        return jcmd(pid, log, "JFR.dump", "name=benchmark", "filename=" + file) != null
                && jcmd(pid, log, "JFR.stop", "name=benchmark") != null;
    }

    /** Reads a recording once and summarises its samples per window (a sample outside every window is skipped). */
    static Map<String, Summary> summarise(Path recording, List<Results.Window> windows, int top) throws IOException {
        List<Map<String, Long>> threads = new ArrayList<>();
        List<Map<String, Long>> topFrames = new ArrayList<>();
        List<Map<String, Long>> ownFrames = new ArrayList<>();
        long[] samples = new long[windows.size()];
        for (int w = 0; w < windows.size(); w++) {
            threads.add(new HashMap<>());
            topFrames.add(new HashMap<>());
            ownFrames.add(new HashMap<>());
        }
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                int w = windowOf(windows, event.getStartTime());
                if (w < 0) {
                    continue;
                }
                samples[w]++;
                RecordedThread thread = event.getThread("sampledThread");
                threads.get(w).merge(pool(thread == null ? "?" : thread.getJavaName()), 1L, Long::sum);
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                topFrames.get(w).merge(name(frames.get(0)), 1L, Long::sum);
                frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("dev.contentpipeline"))
                        .findFirst().ifPresent(f -> ownFrames.get(w).merge(name(f), 1L, Long::sum));
            }
        }
        Map<String, Summary> summaries = new LinkedHashMap<>();
        for (int w = 0; w < windows.size(); w++) {
            summaries.put(windows.get(w).phase(), new Summary(samples[w], largest(threads.get(w), top),
                    largest(topFrames.get(w), top), largest(ownFrames.get(w), top)));
        }
        return summaries;
    }

    private static int windowOf(List<Results.Window> windows, Instant time) {
        for (int w = 0; w < windows.size(); w++) {
            if (!time.isBefore(windows.get(w).from()) && !time.isAfter(windows.get(w).to())) {
                return w;
            }
        }
        return -1;
    }

    /** Runs a jcmd command against a JVM, as the JVM's user; returns what it printed, or null if it failed. */
    static String jcmd(long pid, Log log, String... command) {
        List<String> line = new ArrayList<>();
        String user = ownerUnlessSelf(pid);
        if (user != null) {
            line.addAll(List.of("runuser", "-u", user, "--"));
        }
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0
                    || output.contains("Exception") || output.contains("Could not")) {
                if (log != null) {
                    log.line("jcmd %s %s did not work: %s", pid, command[0], output.strip());
                }
                return null;
            }
            return output;
        } catch (IOException e) {
            if (log != null) {
                log.line("jcmd %s %s did not start: %s", pid, command[0], e.getMessage());
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The user a process runs as, when it is not this one's: jcmd must attach as the same user. */
    private static String ownerUnlessSelf(long pid) {
        try {
            String uid = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
            String self = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
            if (uid.equals(self)) {
                return null;
            }
            for (String entry : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] fields = entry.split(":");
                if (fields.length > 2 && fields[2].equals(uid)) {
                    return fields[0];
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A thread's pool: "elasticsearch[node][write][T#2]" and "http-nio-8080-exec-7" without their numbers. */
    static String pool(String thread) {
        return thread.replaceAll("\\[T#\\d+]", "").replaceAll("-\\d+", "-N").replaceAll("#\\d+", "#N")
                .replaceAll("\\d+$", "N");
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "." + frame.getMethod().getName();
    }

    private static List<Map.Entry<String, Long>> largest(Map<String, Long> counts, int top) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return List.copyOf(sorted.entrySet());
    }
}
