package dev.contentpipeline.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The search targets: Elasticsearch's own time for search-service's searches one at a time, the rate
 * search-service sustains, and {@code /api/suggest} one at a time.
 */
final class SearchTargets {

    private SearchTargets() {
    }

    static void add(Results results, List<Targets.Target> targets) {
        // Judged on an Elasticsearch that has served a while (after the load phases), as a search box meets it; the
        // first searches after the bulk phases, on search code not yet compiled, beside.
        OneAtATime.Measured direct = results.directWarm;
        OneAtATime.Measured first = results.directOneAtATime;
        double p50 = direct == null ? Double.NaN : direct.took().p50();
        double p99 = direct == null ? Double.NaN : direct.took().p99();
        String over = direct == null ? "" : String.format(Locale.ROOT, " (%d searches%s, %s%s)", direct.searches(),
                failed(direct), requestsPerSearch(results.capturedRequests), first == null ? ""
                        : String.format(Locale.ROOT, "; the first searches %.0f ms", first.took().p50()));
        String firstP99 = first == null ? "" : String.format(Locale.ROOT, " (the first searches %.0f ms)",
                first.took().p99());
        List<String> phases = List.of(Phases.SEARCH_WARM);
        targets.add(new Targets.Target("Elasticsearch took p50, one search at a time, warm", ms(p50, "%.0f") + over,
                "<= " + (int) Targets.TOOK_P50_MILLIS + " ms", p50 <= Targets.TOOK_P50_MILLIS, phases,
                List.of("elasticsearch")));
        targets.add(new Targets.Target("Elasticsearch took p99, one search at a time, warm", ms(p99, "%.0f")
                + (direct == null ? "" : firstP99), "<= " + (int) Targets.TOOK_P99_MILLIS + " ms",
                p99 <= Targets.TOOK_P99_MILLIS, phases, List.of("elasticsearch")));
        OneAtATime.Measured rebuilt = results.directAfterRebuild;
        if (rebuilt != null) {
            targets.add(new Targets.Target("the same p50 / p99, over a version rebuilt and merged to one segment",
                    String.format(Locale.ROOT, "%.0f / %.0f ms (rebuild %.0f s)", rebuilt.took().p50(),
                            rebuilt.took().p99(), results.rebuildSeconds),
                    "<= " + (int) Targets.TOOK_P50_MILLIS + " / " + (int) Targets.TOOK_P99_MILLIS + " ms",
                    rebuilt.took().p50() <= Targets.TOOK_P50_MILLIS && rebuilt.took().p99() <= Targets.TOOK_P99_MILLIS,
                    List.of(Phases.SEARCH_AFTER_REBUILD), List.of("elasticsearch")));
        }
        long slo = results.options.searchSlo().toMillis();
        SearchLoad.Capacity capacity = results.searchService == null ? null : results.searchService.capacity();
        targets.add(new Targets.Target("search-service sustained rate, p99 <= " + slo + " ms", capacity == null
                ? "not measured" : (capacity.highestSustained() > 0 ? capacity.highestSustained() + " q/s"
                : "below " + results.options.searchRate() + " q/s") + " (steps " + String.join(", ", capacity.steps()
                .stream().map(s -> Integer.toString(s.rate())).toList()) + ")", ">= " + Targets.SUSTAINED_QPS + " q/s",
                capacity != null && capacity.highestSustained() >= Targets.SUSTAINED_QPS,
                List.of(Phases.SEARCH_CAPACITY), List.of("search-service", "elasticsearch")));
        // Judged on a warm service, as readers meet one that has served a while; the figure just after start-up beside.
        OneAtATime.Measured suggest = results.suggestWarm;
        double suggestP50 = suggest == null ? Double.NaN : suggest.latency().p50();
        String started = results.suggest == null ? "" : String.format(Locale.ROOT, "; just after start-up %.1f ms, "
                + "took %.0f ms", results.suggest.latency().p50(), results.suggest.took().p50());
        targets.add(new Targets.Target("/api/suggest p50, one at a time, warm", suggest == null ? "not measured"
                : String.format(Locale.ROOT, "%.1f ms (p99 %.1f ms; Elasticsearch took p50 %.0f / p99 %.0f ms; "
                        + "%d prefixes x %d%s%s)", suggestP50, suggest.latency().p99(), suggest.took().p50(),
                suggest.took().p99(), suggest.searches() / PhaseRunner.ONE_AT_A_TIME_ROUNDS,
                PhaseRunner.ONE_AT_A_TIME_ROUNDS, failed(suggest), started), "<= " + (int) Targets.SUGGEST_P50_MILLIS
                + " ms", suggestP50 <= Targets.SUGGEST_P50_MILLIS, List.of(Phases.SUGGEST_WARM),
                List.of("search-service", "elasticsearch")));
    }

    /** How many requests search-service sends Elasticsearch per search of the mix, e.g. "1 to 4 requests each". */
    static String requestsPerSearch(List<Integer> counts) {
        int min = counts.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        return (min == max ? Integer.toString(min) : min + " to " + max) + " request" + (max == 1 ? "" : "s")
                + " each, took summed";
    }

    private static String failed(OneAtATime.Measured measured) {
        return measured.latency().failures() == 0 ? "" : ", " + measured.latency().failures() + " failed";
    }

    private static String ms(double value, String format) {
        return Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, format + " ms", value);
    }
}
