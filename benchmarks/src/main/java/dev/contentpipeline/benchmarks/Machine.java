package dev.contentpipeline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line about the machine a run measured: cores, CPU model, memory, load when it began, JVM. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String model = "?";
        String memory = "?";
        String load = "?";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(Locale.ROOT, "%.0f GB",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).orElse("?");
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: the line says less
        }
        return String.format(Locale.ROOT, "%d cores (%s), %s RAM, load average %s at the start, Java %s",
                Runtime.getRuntime().availableProcessors(), model, memory, load, System.getProperty("java.version"));
    }
}
