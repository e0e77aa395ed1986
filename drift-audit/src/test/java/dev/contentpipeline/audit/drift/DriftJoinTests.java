package dev.contentpipeline.audit.drift;

import dev.contentpipeline.audit.index.IndexEntry;
import dev.contentpipeline.audit.sort.ExternalSort;
import dev.contentpipeline.audit.topic.IdOrder;
import dev.contentpipeline.audit.topic.NewestPerId;
import dev.contentpipeline.audit.topic.TopicEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DriftJoinTests {

    @TempDir
    Path temp;

    @Test
    void eachKindOfDriftIsFoundAndAgreeingIdsAreNot() {
        List<TopicEntry> topic = List.of(
                live("agrees", 5), live("ahead", 5), tombstone("deleted-and-marked", 9), tombstone("deleted-unindexed", 2),
                live("missing", 3), live("missing-behind-marker", 4), live("stale", 7), tombstone("still-indexed", 8));
        List<IndexEntry> index = List.of(
                new IndexEntry("agrees", 5, false), new IndexEntry("ahead", 6, false),
                new IndexEntry("deleted-and-marked", 9, true), new IndexEntry("ghost", 4, false),
                new IndexEntry("marker-only", 3, true), new IndexEntry("missing-behind-marker", 10, true),
                new IndexEntry("stale", 6, false), new IndexEntry("still-indexed", 7, false));
        List<Drift> drift = new ArrayList<>();

        JoinTotals totals = DriftJoin.join(topic.iterator(), index.iterator(), drift::add);

        assertThat(drift).extracting(Drift::id, Drift::kind).containsExactly(
                tuple("ahead", DriftKind.AHEAD),
                tuple("ghost", DriftKind.GHOST),
                tuple("missing", DriftKind.MISSING),
                tuple("missing-behind-marker", DriftKind.MISSING),
                tuple("stale", DriftKind.STALE),
                tuple("still-indexed", DriftKind.GHOST));
        assertThat(totals).isEqualTo(new JoinTotals(8, 3, 8, 3));
        Drift ghost = drift.get(1);
        assertThat(ghost.topic()).isNull();
        assertThat(ghost.versionAboveIndex()).isEqualTo(5);
        assertThat(drift.get(3).versionAboveIndex()).as("above the marker").isEqualTo(11);
    }

    @Test
    void oneSideEmptyMakesEveryLiveIdOfTheOtherDrift() {
        List<Drift> missing = new ArrayList<>();
        DriftJoin.join(List.of(live("a", 1), tombstone("b", 2), live("c", 3)).iterator(),
                List.<IndexEntry>of().iterator(), missing::add);
        List<Drift> ghosts = new ArrayList<>();
        DriftJoin.join(List.<TopicEntry>of().iterator(),
                List.of(new IndexEntry("a", 1, false), new IndexEntry("b", 1, true)).iterator(), ghosts::add);

        assertThat(missing).extracting(Drift::id).containsExactly("a", "c");
        assertThat(ghosts).extracting(Drift::id, Drift::kind)
                .containsExactly(tuple("a", DriftKind.GHOST));
    }

    @Test
    void theNewestRecordOfAnIdCountsAsTheIndexerWouldKeepIt() {
        // Not yet compacted: three records of one id, the newest version in the middle; an equal version later
        // is refused by the indexer, so the earliest of equal versions counts.
        List<TopicEntry> records = List.of(live("x", 3), live("x", 9), tombstone("x", 4),
                new TopicEntry("y", 2, true, 0, 10), new TopicEntry("y", 2, false, 0, 11));
        try (ExternalSort<TopicEntry> sort = new ExternalSort<>(TopicEntry.NEWEST_FIRST, TopicEntry.CODEC, 2,
                this.temp)) {
            records.forEach(sort::add);
            List<TopicEntry> newest = new ArrayList<>();
            try (NewestPerId ids = new NewestPerId(sort.sorted())) {
                ids.forEachRemaining(newest::add);
            }

            assertThat(newest).extracting(TopicEntry::id, TopicEntry::version, TopicEntry::deleted).containsExactly(
                    tuple("x", 9L, false),
                    tuple("y", 2L, true));
        }
    }

    @Test
    void twoDocumentsOfAnIdBehindOneAliasCountAsTheNewer() {
        List<Drift> drift = new ArrayList<>();
        JoinTotals totals = DriftJoin.join(List.of(live("a", 5)).iterator(),
                List.of(new IndexEntry("a", 4, false), new IndexEntry("a", 5, false)).iterator(), drift::add);

        assertThat(drift).isEmpty();
        assertThat(totals.indexDocuments()).isEqualTo(2);
    }

    @Test
    void idsAreOrderedByCodePointAsElasticsearchOrdersKeywords() {
        String supplementary = "a\uD83D\uDE00";
        String privateUse = "a\uE000";
        List<String> ids = new ArrayList<>(List.of(supplementary, privateUse, "a", "ab", "B"));
        ids.sort(IdOrder.CODE_POINTS);

        assertThat(ids).containsExactly("B", "a", "ab", privateUse, supplementary);
        assertThat(Comparator.<String>naturalOrder().compare(supplementary, privateUse))
                .as("what String.compareTo would have said").isNegative();
    }

    private static TopicEntry live(String id, long version) {
        return new TopicEntry(id, version, false, 0, version);
    }

    private static TopicEntry tombstone(String id, long version) {
        return new TopicEntry(id, version, true, 0, version);
    }
}
