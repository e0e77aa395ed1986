package dev.contentpipeline.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report's part about cost: CPU seconds per phase and per document, memory, and for each missed target where
 * the time goes (the phase's CPU by process, the indexer's bulk requests, the profiles' threads and frames).
 */
final class CostReport {

    private final Results r;
    private final Markdown md;

    CostReport(Results results, Markdown md) {
        this.r = results;
        this.md = md;
    }

    /**
     * CPU milliseconds per document of each process in each throughput phase: on a machine whose cores are all
     * busy, the ratio of two paths' speeds cannot beat the inverse ratio of their CPU per document.
     */
    void cpuPerDocument() {
        List<String> phases = List.of(Phases.RAW_BULK, Phases.END_TO_END, Phases.BACKLOG_DRAIN);
        Set<String> processes = new LinkedHashSet<>();
        phases.stream().map(r::window).filter(w -> w != null).forEach(w -> w.usage().cpuSeconds().forEach((p, cpu) -> {
            if (cpu >= 0.05) {
                processes.add(p);
            }
        }));
        line("");
        line("CPU milliseconds per document, by process (others: what else ran on the machine meanwhile):");
        line("");
        line("| phase | %s | all of the run | others |", String.join(" | ", processes));
        line("|---|%s---:|---:|", "---:|".repeat(processes.size()));
        for (String phase : phases) {
            Results.Window w = r.window(phase);
            if (w == null) {
                continue;
            }
            int docs = r.options.docs();
            StringBuilder row = new StringBuilder("| " + phase + " |");
            processes.forEach(p -> row.append(String.format(Locale.ROOT, " %.2f |",
                    1000 * w.usage().cpuSeconds().getOrDefault(p, 0.0) / docs)));
            line("%s %.2f | %.2f |", row, 1000 * w.usage().ours() / docs, 1000 * w.usage().others() / docs);
        }
        Results.Window raw = r.window(Phases.RAW_BULK);
        Results.Window endToEnd = r.window(Phases.END_TO_END);
        if (raw != null && endToEnd != null) {
            line("");
            line("With every core busy, end to end could reach at most %.2f of raw bulk: the run spent %.2f ms of CPU "
                    + "per document on the raw path and %.2f ms end to end.", raw.usage().ours() / endToEnd.usage().ours(),
                    1000 * raw.usage().ours() / r.options.docs(), 1000 * endToEnd.usage().ours() / r.options.docs());
        }
    }

    void cpuPerPhase() {
        section("CPU seconds per phase");
        Set<String> processes = new LinkedHashSet<>();
        r.windows.forEach(w -> processes.addAll(w.usage().cpuSeconds().keySet()));
        StringBuilder head = new StringBuilder("| phase | wall s |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        processes.forEach(p -> {
            head.append(' ').append(p).append(" |");
            rule.append("---:|");
        });
        line("%s others | machine busy |", head);
        line("%s---:|---:|", rule);
        int cores = Runtime.getRuntime().availableProcessors();
        for (Results.Window w : r.windows) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.1f |", w.phase(),
                    w.usage().wallSeconds()));
            processes.forEach(p -> row.append(String.format(Locale.ROOT, " %.1f |",
                    w.usage().cpuSeconds().getOrDefault(p, 0.0))));
            line("%s %.1f | %.0f%% |", row, w.usage().others(),
                    100 * w.usage().machineBusySeconds() / (w.usage().wallSeconds() * cores));
        }
    }

    void memory() {
        section("Memory and CPU of each process over the run");
        line("| process | peak RSS (VmHWM) | CPU seconds | JVM |");
        line("|---|---:|---:|---|");
        r.processes.forEach((name, p) -> line("| %s | %.0f MB | %.1f | %s |", name, p.peakRssMb(), p.cpuSeconds(),
                r.heaps.containsKey(name) ? r.heaps.get(name).description() : ""));
    }

    void whereTheTimeGoes(List<Targets.Target> targets) {
        List<Targets.Target> missed = targets.stream().filter(t -> !t.met()).toList();
        if (missed.isEmpty()) {
            return;
        }
        section("Where the time goes, for the missed targets");
        for (Targets.Target target : missed) {
            line("");
            line("**%s** (%s, target %s)", target.name(), target.measured(), target.goal());
            for (String phase : target.phases()) {
                Results.Window w = r.window(phase);
                if (w != null) {
                    List<String> split = new ArrayList<>();
                    w.usage().cpuSeconds().entrySet().stream()
                            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                            .filter(e -> e.getValue() >= 0.05)
                            .forEach(e -> split.add(String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue())));
                    line("- %s: %.1f s wall, %.1f of %.1f CPU seconds used by the run (%s; others %.1f).", phase,
                            w.usage().wallSeconds(), w.usage().ours(), w.usage().wallSeconds()
                                    * Runtime.getRuntime().availableProcessors(), String.join(", ", split),
                            w.usage().others());
                }
                if (r.indexer.containsKey(phase)) {
                    line("- the indexer in %s: %s.", phase, r.indexerSummary(phase));
                }
                Map<String, Profiles.Summary> profiles = r.profiles.getOrDefault(phase, Map.of());
                for (String process : target.processes()) {
                    if (w != null) {
                        threadCpu(w, process);
                    }
                    Profiles.Summary summary = profiles.get(process);
                    if (summary != null && summary.samples() > 0) {
                        line("  - %s, %,d samples: threads %s; top frames %s; own code %s", process, summary.samples(),
                                shares(summary.threads(), summary.samples(), 4), shares(summary.topFrames(),
                                        summary.samples(), 5), shares(summary.ownFrames(), summary.samples(), 4));
                    }
                }
            }
            if (target.phases().isEmpty()) {
                target.processes().forEach(p -> line("- %s: %s", p, r.heaps.containsKey(p)
                        ? r.heaps.get(p).description() : "n/a"));
            }
        }
    }

    /** A process's CPU in a phase by thread, from /proc: every thread, where the samples see only Java code. */
    private void threadCpu(Results.Window w, String process) {
        double cpu = w.usage().cpuSeconds().getOrDefault(process, 0.0);
        List<Map.Entry<String, Double>> threads = r.usage.byThread(w.usage(), process);
        if (cpu < 0.05 || threads.isEmpty()) {
            return;
        }
        line("  - %s, %.1f CPU seconds by thread (from /proc): %s", process, cpu, String.join(", ", threads.stream()
                .limit(6).map(e -> String.format(Locale.ROOT, "`%s` %.0f%%", e.getKey(), 100 * e.getValue() / cpu))
                .toList()));
    }

    private static String shares(List<Map.Entry<String, Long>> counts, long total, int top) {
        return counts.isEmpty() ? "none" : String.join(", ", counts.stream().limit(top)
                .map(e -> String.format(Locale.ROOT, "`%s` %.0f%%", e.getKey(), 100.0 * e.getValue() / total)).toList());
    }

    private void section(String title) {
        md.section(title);
    }

    private void line(String format, Object... args) {
        md.line(format, args);
    }
}
