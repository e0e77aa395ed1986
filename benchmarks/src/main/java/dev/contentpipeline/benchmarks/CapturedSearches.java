package dev.contentpipeline.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The very requests search-service sends Elasticsearch for each query of the mix (the search, a facet count if it
 * asks for the counts apart, and for a query that finds little the relaxed search, the spelling suggestions and
 * their count), so that "straight to Elasticsearch"
 * asks Elasticsearch for exactly the same work, in the same order, and the difference is the service's own cost.
 * They are read from the service's log: the Elasticsearch client's {@code tracer} logger, switched to TRACE through
 * the actuator for one pass over the mix, writes each request as a curl command.
 */
final class CapturedSearches {

    /** One request: the path and query string, and the JSON body. */
    record Captured(String pathAndQuery, byte[] body) {
    }

    private static final String CURL = "curl -iX POST '";
    private static final String DATA = "' -d '";
    private static final String COUNTRY_DIRECTORY = "/countries/";
    private static final int ATTEMPTS = 3;

    private CapturedSearches() {
    }

    /** For each query of the mix, the requests search-service sent, in order. */
    static List<List<Captured>> capture(String searchUrl, Path serviceLog, QueryMix mix) throws IOException {
        setTracer(searchUrl, "\"TRACE\"");
        List<List<Captured>> captured = new ArrayList<>();
        try {
            for (int n = 0; n < mix.queries().size(); n++) {
                captured.add(captureOne(searchUrl, serviceLog, mix, n));
            }
        } finally {
            setTracer(searchUrl, "null");
        }
        return captured;
    }

    /**
     * The requests of one query; asked again, up to {@value #ATTEMPTS} times in all, if the service answers with an
     * error (a cold service on a busy machine may time out), so that one slow answer does not lose the phase.
     */
    private static List<Captured> captureOne(String searchUrl, Path serviceLog, QueryMix mix, int n)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            long before = Files.size(serviceLog);
            Http.Answer answer = Http.send(mix.viaSearchService(searchUrl, n));
            if (answer.ok() || attempt == ATTEMPTS) {
                answer.orThrow("Query " + mix.query(n));
                return requestsAfter(serviceLog, before, mix.query(n));
            }
        }
    }

    private static void setTracer(String searchUrl, String level) {
        Http.post(searchUrl + "/actuator/loggers/tracer", "application/json",
                ("{\"configuredLevel\":" + level + "}").getBytes(StandardCharsets.UTF_8)).orThrow("Setting the tracer");
    }

    /**
     * Every search request the log gained after {@code offset}, in the order sent: the search (with its facet counts
     * in one {@code _msearch} where the query asks for them), and whatever else the service asks for the same query
     * (the relaxed search, the spelling suggestions and their count). An {@code _msearch}'s body is NDJSON, so the
     * tracer's line goes on over the following lines up to the one that closes the quote. Left out: the country
     * directory's periodic reload (of the countries alias alone), no query's own work.
     */
    static List<Captured> requestsAfter(Path log, long offset, String query) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String added = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        List<Captured> requests = new ArrayList<>();
        String[] lines = added.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int curl = line.indexOf(CURL);
            int data = line.indexOf(DATA);
            if (curl < 0 || data < 0) {
                continue;
            }
            String url = line.substring(curl + CURL.length(), data);
            StringBuilder body = new StringBuilder(line.substring(data + DATA.length()));
            while (!line.endsWith("'") && n + 1 < lines.length) {
                line = lines[++n];
                body.append('\n').append(line);
            }
            if (!line.endsWith("'")) {
                throw new IllegalStateException("search-service's log ends inside the request to " + url);
            }
            if (!url.contains("/_search") && !url.contains("/_msearch")) {
                continue;
            }
            String pathAndQuery = url.substring(url.indexOf('/', url.indexOf("://") + 3));
            if (!pathAndQuery.startsWith(COUNTRY_DIRECTORY)) {
                requests.add(new Captured(pathAndQuery,
                        body.substring(0, body.length() - 1).getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (requests.isEmpty()) {
            throw new IllegalStateException("search-service's log shows no search request for '" + query
                    + "': is the tracer logger at TRACE?");
        }
        return requests;
    }
}
