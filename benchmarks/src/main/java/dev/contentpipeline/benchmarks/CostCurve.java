package dev.contentpipeline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How search latency and the backlog drain grow with the corpus ({@code --curve=10000,50000,200000}), after the
 * main run on the same stack: for each size, a topic of its own filled with that many articles, a fresh indexer
 * draining it into an index of its own, then search-service's articles alias pointed at that index while the mix is
 * asked one search at a time, straight to Elasticsearch and through search-service. The alias goes back afterwards.
 */
final class CostCurve {

    static final int ROUNDS = 5;

    /** One corpus size: the drain's speed, the searches' latencies, the index's size. */
    record Point(int docs, Throughput drain, OneAtATime.Measured direct, OneAtATime.Measured service, String index) {
    }

    private final PipelineServices services;
    private final Path indexJar;
    private final String bootstrapServers;
    private final Elasticsearch elasticsearch;
    private final SyntheticCorpus corpus;
    private final String searchUrl;
    private final Path searchLog;
    private final Log log;

    CostCurve(PipelineServices services, Path indexJar, String bootstrapServers, Elasticsearch elasticsearch,
              SyntheticCorpus corpus, String searchUrl, Path searchLog, Log log) {
        this.services = services;
        this.indexJar = indexJar;
        this.bootstrapServers = bootstrapServers;
        this.elasticsearch = elasticsearch;
        this.corpus = corpus;
        this.searchUrl = searchUrl;
        this.searchLog = searchLog;
        this.log = log;
    }

    Point measure(int docs) {
        log.phase("cost curve: " + docs + " articles");
        String name = "curve-" + docs;
        BacklogDrain.fill(bootstrapServers, "bench." + name, docs, i -> corpus.json("curve-", i), 3, log);
        PipelineServices.Running indexer = services.startIndex("index-service-" + name, indexJar, "bench." + name,
                name, "index-service-" + name);
        Throughput drain;
        try {
            drain = BacklogDrain.drain(BacklogDrain.awaitAssigned(indexer), elasticsearch, name, docs);
        } finally {
            indexer.process().stop();
        }
        String index = elasticsearch.indexBehind(name);
        String articles = elasticsearch.indexBehind(BenchmarkSession.ARTICLES_ALIAS);
        log.line("drained %,d articles at %,.0f docs/s; %s", docs, drain.docsPerSecond(), elasticsearch.stats(index));
        try {
            moveArticlesAlias(articles, index);
            QueryMix mix = new QueryMix(corpus);
            List<List<CapturedSearches.Captured>> requests = CapturedSearches.capture(searchUrl, searchLog, mix);
            OneAtATime.Measured direct = OneAtATime.direct(elasticsearch.url(), requests, ROUNDS);
            OneAtATime.Measured service = OneAtATime.viaSearchService(searchUrl, mix, ROUNDS);
            log.line("one at a time: Elasticsearch took p50 %.0f ms p99 %.0f ms; search-service p50 %.1f ms "
                    + "p99 %.1f ms", direct.took().p50(), direct.took().p99(), service.latency().p50(),
                    service.latency().p99());
            return new Point(docs, drain, direct, service, elasticsearch.stats(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            moveArticlesAlias(index, articles);
            elasticsearch.deleteIndex(index);
        }
    }

    /** The table of the report's "How costs grow with the corpus". */
    static void report(List<Point> points, Markdown md) {
        md.section("How costs grow with the corpus");
        md.line("| articles | Elasticsearch took p50 / p99 | straight to Elasticsearch p50 / p99 | search-service "
                + "p50 / p99 | backlog drain | index |");
        md.line("|---:|---:|---:|---:|---:|---|");
        for (Point p : points) {
            md.line("| %,d | %.0f / %.0f ms | %.1f / %.1f ms | %.1f / %.1f ms | %,.0f docs/s | %s |", p.docs(),
                    p.direct().took().p50(), p.direct().took().p99(), p.direct().latency().p50(),
                    p.direct().latency().p99(), p.service().latency().p50(), p.service().latency().p99(),
                    p.drain().docsPerSecond(), p.index());
        }
        md.line("");
        md.line("Each size after the main run, on the same stack: a topic filled with that many articles, a fresh "
                + "indexer draining it (timed from its partition assignment) into an index of its own, then "
                + "search-service's articles alias pointed at that index and the query mix asked one search at a "
                + "time, %d rounds after one to warm up. Took sums the took of every request one search sends.",
                ROUNDS);
    }

    private void moveArticlesAlias(String from, String to) {
        String actions = String.format(Locale.ROOT, "{\"actions\":[{\"remove\":{\"index\":\"%s\",\"alias\":\"%s\"}},"
                + "{\"add\":{\"index\":\"%s\",\"alias\":\"%s\"}}]}", from, BenchmarkSession.ARTICLES_ALIAS, to,
                BenchmarkSession.ARTICLES_ALIAS);
        Http.post(elasticsearch.url() + "/_aliases", "application/json", actions.getBytes(StandardCharsets.UTF_8))
                .orThrow("Pointing " + BenchmarkSession.ARTICLES_ALIAS + " at " + to);
    }
}
