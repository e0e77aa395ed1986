package dev.contentpipeline.audit.drift;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Counts the drift of each kind and keeps the first few ids of each: the report, in bounded memory. */
public final class DriftTally implements Consumer<Drift> {

    private final int firstN;
    private final Map<DriftKind, Long> counts = new EnumMap<>(DriftKind.class);
    private final Map<DriftKind, List<Drift>> first = new EnumMap<>(DriftKind.class);

    public DriftTally(int firstN) {
        this.firstN = firstN;
        for (DriftKind kind : DriftKind.values()) {
            this.counts.put(kind, 0L);
            this.first.put(kind, new ArrayList<>());
        }
    }

    @Override
    public void accept(Drift drift) {
        this.counts.merge(drift.kind(), 1L, Long::sum);
        List<Drift> kept = this.first.get(drift.kind());
        if (kept.size() < this.firstN) {
            kept.add(drift);
        }
    }

    public long count(DriftKind kind) {
        return this.counts.get(kind);
    }

    public long total() {
        return this.counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The first drifted ids of the kind, in id order. */
    public List<Drift> first(DriftKind kind) {
        return List.copyOf(this.first.get(kind));
    }
}
