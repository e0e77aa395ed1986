package dev.contentpipeline.endtoend.relevance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the search answered to each query, and the two figures: the mean reciprocal rank of the first expected
 * result (0 when none is among the results) and recall at 3 (the share of the expected results in the top 3).
 */
final class RelevanceReport {

    static final int CUTOFF = 3;

    private final List<Result> results = new ArrayList<>();

    record Result(RelevanceQuery query, List<String> ids) {

        /** The rank of the first expected result, 0 when none is among the results. */
        int rank() {
            for (int i = 0; i < ids.size(); i++) {
                if (query.expect().contains(ids.get(i))) {
                    return i + 1;
                }
            }
            return 0;
        }

        double reciprocalRank() {
            return rank() == 0 ? 0 : 1.0 / rank();
        }

        double recallAt3() {
            List<String> top = ids.subList(0, Math.min(CUTOFF, ids.size()));
            return (double) query.expect().stream().filter(top::contains).count() / query.expect().size();
        }

        boolean passes() {
            List<String> top = ids.subList(0, Math.min(query.within(), ids.size()));
            return top.containsAll(query.expect());
        }
    }

    void add(RelevanceQuery query, List<String> ids) {
        results.add(new Result(query, List.copyOf(ids)));
    }

    double meanReciprocalRank() {
        return results.stream().mapToDouble(Result::reciprocalRank).average().orElse(0);
    }

    double recallAt3() {
        return results.stream().mapToDouble(Result::recallAt3).average().orElse(0);
    }

    List<Result> failures() {
        return results.stream().filter(result -> !result.passes()).toList();
    }

    int size() {
        return results.size();
    }

    /**
     * A table of every query (or only the failures), then the figures by kind and overall. A query of several kinds
     * (a name several languages spell alike: "en,id,it") counts in the figures of each.
     */
    String table(boolean failuresOnly) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-4s %-18s %-40s %-8s %-48s %4s  %s%n",
                "", "kind", "query", "type", "expected", "rank", "top 3"));
        Map<String, List<Result>> byKind = new TreeMap<>();
        for (Result result : results) {
            for (String kind : result.query().kind().split(",")) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(result);
            }
            if (failuresOnly && result.passes()) {
                continue;
            }
            RelevanceQuery query = result.query();
            out.append(String.format(Locale.ROOT, "%-4s %-18s %-40s %-8s %-48s %4s  %s%s%n",
                    result.passes() ? "ok" : "FAIL", query.kind(), abbreviate(query.query(), 40),
                    query.type() == null ? "all" : query.type(),
                    abbreviate(String.join(",", query.expect()) + " in " + query.within(), 48),
                    result.rank() == 0 ? "-" : Integer.toString(result.rank()),
                    result.ids().subList(0, Math.min(CUTOFF, result.ids().size())),
                    query.needs() == null ? "" : "  (needs " + query.needs() + ")"));
        }
        out.append(String.format(Locale.ROOT, "%n%-18s %7s %7s %9s%n", "kind", "queries", "MRR", "recall@3"));
        byKind.forEach((kind, list) -> out.append(String.format(Locale.ROOT, "%-18s %7d %7.3f %9.3f%n", kind,
                list.size(), list.stream().mapToDouble(Result::reciprocalRank).average().orElse(0),
                list.stream().mapToDouble(Result::recallAt3).average().orElse(0))));
        out.append(String.format(Locale.ROOT, "%-18s %7d %7.3f %9.3f%n", "all", size(), meanReciprocalRank(),
                recallAt3()));
        return out.toString();
    }

    private static String abbreviate(String text, int width) {
        String visible = text.replace("\u00a0", "\u2423");
        return visible.length() <= width ? visible : visible.substring(0, width - 1) + "…";
    }
}
