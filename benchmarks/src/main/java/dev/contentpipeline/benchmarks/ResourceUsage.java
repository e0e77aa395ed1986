package dev.contentpipeline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time and peak memory of the processes under test, and of the whole machine, from /proc: {@code VmHWM} (the
 * peak resident set) in /proc/<pid>/status, utime + stime in /proc/<pid>/stat, the busy and total jiffies of
 * /proc/stat. Snapshots at the edges of a phase give each process's CPU seconds in it, and what everything else on
 * the machine used meanwhile.
 *
 * <p>Each thread's CPU comes from /proc/&lt;pid&gt;/task too, so a phase's CPU can be split by thread: the JFR samples
 * see only threads running Java code, and missed most of a service's CPU at 100 PUT/s. /proc names a thread by its
 * first 15 characters; the JVM's own names (from {@code jcmd Thread.print}, read once a process has done its work)
 * replace them where the thread ids match.
 */
final class ResourceUsage {

    /** Linux's USER_HZ, the unit of the CPU times in /proc: 100 on every common kernel. */
    static final double TICKS_PER_SECOND = 100.0;

    /** A process's CPU seconds so far and its peak and current resident set, in MB. */
    record Process(double cpuSeconds, double peakRssMb, double rssMb) {
    }

    /** A thread's name as /proc gives it (its first 15 characters), and its CPU seconds so far. */
    record ThreadTime(String name, double cpuSeconds) {
    }

    /**
     * @param threads per process, its threads by id
     * @param machineBusySeconds CPU seconds every process on the machine used, summed over its cores
     */
    record Snapshot(long nanos, Map<String, Process> processes, Map<String, Map<Long, ThreadTime>> threads,
                    double machineBusySeconds) {
    }

    /**
     * CPU seconds per process between two snapshots, per thread too (a thread that ended in between is missing: its
     * time is the process's less its threads'), the machine's, and how long that was.
     */
    record Phase(String name, double wallSeconds, Map<String, Double> cpuSeconds,
                 Map<String, Map<Long, ThreadTime>> threadCpu, double machineBusySeconds) {

        Phase(String name, double wallSeconds, Map<String, Double> cpuSeconds, double machineBusySeconds) {
            this(name, wallSeconds, cpuSeconds, Map.of(), machineBusySeconds);
        }

        double ours() {
            return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** CPU seconds used by processes the benchmark did not start: the other work on a shared machine. */
        double others() {
            return Math.max(0, machineBusySeconds - ours());
        }
    }

    /** A thread of {@code jcmd Thread.print}: its name in quotes, then its native id. */
    private static final Pattern JVM_THREAD = Pattern.compile("^\"(.*?)\" .*\\bnid=0x([0-9a-f]+)\\b", Pattern.MULTILINE);

    /** How much of a thread's name /proc keeps. */
    private static final int PROC_NAME_LENGTH = 15;

    /** Threads of the JVM's profiler, JFR: what the measurement itself costs a process. */
    static final String PROFILER_THREAD = "JFR ";

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Process> lastSeen = new LinkedHashMap<>();
    private final Map<String, Map<Long, String>> jvmThreadNames = new HashMap<>();

    synchronized void track(String name, long pid) {
        pids.put(name, pid);
        read(pid).ifPresent(process -> lastSeen.put(name, process));
    }

    synchronized Snapshot snapshot() {
        Map<String, Process> processes = new LinkedHashMap<>();
        Map<String, Map<Long, ThreadTime>> threads = new LinkedHashMap<>();
        pids.forEach((name, pid) -> read(pid).ifPresent(process -> {
            lastSeen.put(name, process);
            threads.put(name, threads(pid));
        }));
        processes.putAll(lastSeen);
        return new Snapshot(System.nanoTime(), processes, threads, machineBusySeconds());
    }

    /** Learns a JVM's names for its threads (the names /proc cuts at 15 characters); a failure leaves /proc's. */
    void learnThreadNames(String name, long pid, Log log) {
        String dump = Profiles.jcmd(pid, log, "Thread.print");
        if (dump == null) {
            return;
        }
        Map<Long, String> names = new HashMap<>();
        Matcher thread = JVM_THREAD.matcher(dump);
        while (thread.find()) {
            names.put(Long.parseLong(thread.group(2), 16), thread.group(1));
        }
        knowThreadNames(name, names);
    }

    /** Takes a JVM's names for its threads, by native thread id. */
    synchronized void knowThreadNames(String process, Map<Long, String> names) {
        jvmThreadNames.computeIfAbsent(process, n -> new HashMap<>()).putAll(names);
    }

    /**
     * A process's CPU seconds in a phase by thread pool (a thread's name with its numbers as N, as the profiles
     * count them), the largest first; the CPU of threads that ended within the phase as one more entry; none when the
     * phase has no threads of the process.
     */
    synchronized List<Map.Entry<String, Double>> byThread(Phase phase, String process) {
        Map<Long, ThreadTime> threads = phase.threadCpu().getOrDefault(process, Map.of());
        if (threads.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = jvmThreadNames.getOrDefault(process, Map.of());
        Map<String, Double> pools = new HashMap<>();
        threads.forEach((tid, time) -> pools.merge(Profiles.pool(nameOf(names, tid, time.name())),
                time.cpuSeconds(), Double::sum));
        double ended = phase.cpuSeconds().getOrDefault(process, 0.0)
                - threads.values().stream().mapToDouble(ThreadTime::cpuSeconds).sum();
        if (ended >= 0.01) {
            pools.merge("threads that ended in the phase", ended, Double::sum);
        }
        return pools.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
    }

    /** The CPU seconds of a process's profiler threads (JFR's) in a phase: the measurement's own cost. */
    synchronized double profilerSeconds(Phase phase, String process) {
        Map<Long, String> names = jvmThreadNames.getOrDefault(process, Map.of());
        return phase.threadCpu().getOrDefault(process, Map.of()).entrySet().stream()
                .filter(e -> nameOf(names, e.getKey(), e.getValue().name()).startsWith(PROFILER_THREAD))
                .mapToDouble(e -> e.getValue().cpuSeconds()).sum();
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
        Map<String, Map<Long, ThreadTime>> threadCpu = new LinkedHashMap<>();
        to.threads().forEach((process, threads) -> {
            Map<Long, ThreadTime> before = from.threads().getOrDefault(process, Map.of());
            Map<Long, ThreadTime> spent = new HashMap<>();
            threads.forEach((tid, time) -> {
                ThreadTime earlier = before.get(tid);
                spent.put(tid, new ThreadTime(time.name(),
                        time.cpuSeconds() - (earlier == null ? 0 : earlier.cpuSeconds())));
            });
            threadCpu.put(process, spent);
        });
        return new Phase(name, (to.nanos() - from.nanos()) / 1e9, cpu, threadCpu,
                to.machineBusySeconds() - from.machineBusySeconds());
    }

    /**
     * A thread's name: the JVM's for its id; else, when /proc's 15 characters begin names the JVM gave, a name of the
     * pool most of those belong to (a pool's thread that ended before the names were read: the larger pool is the
     * likelier); else /proc's.
     */
    private static String nameOf(Map<Long, String> names, long tid, String procName) {
        String name = names.get(tid);
        if (name != null || procName.length() < PROC_NAME_LENGTH) {
            return name != null ? name : procName;
        }
        Map<String, Long> pools = new TreeMap<>(names.values().stream().filter(n -> n.startsWith(procName))
                .collect(Collectors.groupingBy(Profiles::pool, Collectors.counting())));
        String likeliest = procName;
        long most = 0;
        for (Map.Entry<String, Long> pool : pools.entrySet()) {
            if (pool.getValue() > most) {
                likeliest = pool.getKey();
                most = pool.getValue();
            }
        }
        return likeliest;
    }

    /** Every thread of a process, by id: /proc/&lt;pid&gt;/task/&lt;tid&gt;/stat. */
    private static Map<Long, ThreadTime> threads(long pid) {
        Map<Long, ThreadTime> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    threads.put(Long.parseLong(task.getFileName().toString()), new ThreadTime(
                            stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), cpuSeconds(stat)));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while the folder was read
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return threads;
    }

    private static java.util.Optional<Process> read(long pid) {
        try {
            double cpu = cpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
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

    /** utime + stime of a process's or a thread's stat line, in seconds. */
    private static double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command: state is field 3 of stat, so utime (14) and stime (15) are at 11 and 12 here.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
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
