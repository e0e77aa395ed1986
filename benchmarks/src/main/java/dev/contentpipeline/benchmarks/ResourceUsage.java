package dev.contentpipeline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time and peak memory of the processes under test, and of the whole machine, from /proc: {@code VmHWM} (the
 * peak resident set) in /proc/<pid>/status, utime + stime in /proc/<pid>/stat, the busy and total jiffies of
 * /proc/stat. Snapshots at the edges of a phase give each process's CPU seconds in it, and what everything else on
 * the machine used meanwhile.
 */
final class ResourceUsage {

    /** Linux's USER_HZ, the unit of the CPU times in /proc: 100 on every common kernel. */
    static final double TICKS_PER_SECOND = 100.0;

    /** A process's CPU seconds so far and its peak and current resident set, in MB. */
    record Process(double cpuSeconds, double peakRssMb, double rssMb) {
    }

    /** @param machineBusySeconds CPU seconds every process on the machine used, summed over its cores */
    record Snapshot(long nanos, Map<String, Process> processes, double machineBusySeconds) {
    }

    /** CPU seconds per process between two snapshots, the machine's too, and how long that was. */
    record Phase(String name, double wallSeconds, Map<String, Double> cpuSeconds, double machineBusySeconds) {

        double ours() {
            return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** CPU seconds used by processes the benchmark did not start: the other work on a shared machine. */
        double others() {
            return Math.max(0, machineBusySeconds - ours());
        }
    }

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Process> lastSeen = new LinkedHashMap<>();

    synchronized void track(String name, long pid) {
        pids.put(name, pid);
        read(pid).ifPresent(process -> lastSeen.put(name, process));
    }

    synchronized Snapshot snapshot() {
        Map<String, Process> processes = new LinkedHashMap<>();
        pids.forEach((name, pid) -> read(pid).ifPresent(process -> lastSeen.put(name, process)));
        processes.putAll(lastSeen);
        return new Snapshot(System.nanoTime(), processes, machineBusySeconds());
    }

    /** The last values read of each process, including those that have stopped since. */
    synchronized Map<String, Process> lastSeen() {
        return new LinkedHashMap<>(lastSeen);
    }

    static Phase between(String name, Snapshot from, Snapshot to) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        to.processes().forEach((process, usage) -> {
            Process before = from.processes().get(process);
            cpu.put(process, usage.cpuSeconds() - (before == null ? 0 : before.cpuSeconds()));
        });
        return new Phase(name, (to.nanos() - from.nanos()) / 1e9, cpu,
                to.machineBusySeconds() - from.machineBusySeconds());
    }

    private static java.util.Optional<Process> read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state is field 3 of stat, so utime (14) and stime (15) are at 11 and 12 here.
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
            double peak = 0;
            double rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) / 1024.0;
                } else if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line) / 1024.0;
                }
            }
            return java.util.Optional.of(new Process(cpu, peak, rss));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** Busy jiffies of all cores: user, nice, system, irq, softirq and steal of /proc/stat's first line. */
    private static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
                    + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]) + (cpu.length > 8 ? Long.parseLong(cpu[8]) : 0);
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
