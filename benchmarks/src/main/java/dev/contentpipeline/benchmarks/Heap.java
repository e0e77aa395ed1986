package dev.contentpipeline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's memory is, for the memory target: the heap as the JVM sized it and, when the service runs with
 * native memory tracking (as it does under the benchmark's profiling), the JVM's committed memory by category,
 * including what the profiler itself holds (JFR's "Tracing" and the tracking's own).
 */
final class Heap {

    /** @param profilerMb memory the measurement itself added (JFR buffers, native memory tracking), 0 if unknown */
    record Memory(String description, double profilerMb) {
    }

    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");
    private static final Pattern CATEGORY = Pattern.compile("-\\s+([A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB");

    private Heap() {
    }

    static Memory describe(long pid, Log log) {
        StringBuilder description = new StringBuilder();
        String heapInfo = Profiles.jcmd(pid, log, "GC.heap_info");
        Matcher heap = HEAP.matcher(heapInfo == null ? "" : heapInfo);
        if (heap.find()) {
            description.append(String.format(Locale.ROOT, "heap %d MB committed, %d MB used",
                    Long.parseLong(heap.group(1)) / 1024, Long.parseLong(heap.group(2)) / 1024));
        }
        String flags = Profiles.jcmd(pid, log, "VM.flags");
        Matcher max = MAX_HEAP.matcher(flags == null ? "" : flags);
        if (max.find()) {
            long maxHeap = Long.parseLong(max.group(1));
            description.append(String.format(Locale.ROOT, " of at most %d MB%s", maxHeap >> 20,
                    Math.abs(maxHeap - quarterOfRam()) < quarterOfRam() / 20 ? " (a quarter of RAM: the JVM's default)"
                            : ""));
        }
        Map<String, Long> committed = nativeMemory(pid);
        double profiler = 0;
        if (!committed.isEmpty()) {
            profiler = (committed.getOrDefault("Tracing", 0L) + committed.getOrDefault("Native Memory Tracking", 0L))
                    / 1024.0;
            description.append(String.format(Locale.ROOT, "; committed besides the heap: GC %d MB, metaspace and "
                            + "classes %d MB, code %d MB, threads %d MB, symbols %d MB, the profiler (JFR, NMT) %.0f MB",
                    mb(committed, "GC"), mb(committed, "Metaspace") + mb(committed, "Class")
                            + mb(committed, "Shared class space"), mb(committed, "Code"), mb(committed, "Thread"),
                    mb(committed, "Symbol"), profiler));
        }
        try {
            Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("Threads:")).findFirst()
                    .ifPresent(l -> description.append("; ").append(l.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)));
        } catch (java.io.IOException e) {
            // gone already
        }
        return new Memory(description.length() == 0 ? "n/a" : description.toString(), profiler);
    }

    /** Committed KB by category from {@code VM.native_memory summary}; empty without native memory tracking. */
    private static Map<String, Long> nativeMemory(long pid) {
        Map<String, Long> committed = new LinkedHashMap<>();
        String summary = Profiles.jcmd(pid, null, "VM.native_memory", "summary");
        if (summary != null) {
            Matcher category = CATEGORY.matcher(summary);
            while (category.find()) {
                committed.put(category.group(1).strip(), Long.parseLong(category.group(2)));
            }
        }
        return committed;
    }

    private static long mb(Map<String, Long> committed, String category) {
        return committed.getOrDefault(category, 0L) / 1024;
    }

    private static long quarterOfRam() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024 / 4).orElse(-1L);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
