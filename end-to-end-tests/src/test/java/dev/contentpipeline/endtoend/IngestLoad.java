package dev.contentpipeline.endtoend;

import dev.contentpipeline.client.IngestClient;
import dev.contentpipeline.client.PutLoad;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Articles PUT one after another through ingest-service, on a thread of the caller's, which watches it: pipeline-
 * client's {@link PutLoad} with one thread, in the shape IndexerResilienceIntegrationTests uses (it can take
 * PutLoad directly, and then this goes).
 */
final class IngestLoad implements Runnable {

    private final PutLoad load;
    private volatile boolean done;

    /** @param authorization the {@code Authorization} header's value, {@code Bearer <key>} */
    IngestLoad(String ingest, String authorization, int articles) {
        IngestClient client = new IngestClient(ingest, authorization.replaceFirst("^Bearer ", ""),
                Duration.ofSeconds(15));
        this.load = new PutLoad(client, "ingested", articles, n -> PutLoad.article("Ingested " + n, "resilience"));
    }

    @Override
    public void run() {
        try {
            load.run(1);
        } finally {
            done = true;
        }
    }

    boolean done() {
        return done;
    }

    Map<String, Long> acknowledged() {
        return load.acknowledged();
    }

    /** The ids answered with 503: not published, as far as the client knows. */
    Set<String> refused() {
        return load.refused();
    }

    /** Every answer other than 202 and 503, as status and body. */
    Set<String> otherStatuses() {
        return Set.copyOf(load.otherAnswers().values());
    }
}
