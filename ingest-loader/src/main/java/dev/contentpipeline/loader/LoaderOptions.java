package dev.contentpipeline.loader;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code [--url URL] [--key KEY] [--type article|country] [--chunk N] [--retries N]
 * [--state FILE] [--restart] FILE}. The key may come from {@code INGEST_API_KEY} instead, which keeps it out of
 * the process list.
 *
 * @param type the type of bare records (lines that are a record, not a bulk line); null to tell from the record
 * @param chunkLines lines per bulk request
 * @param retries attempts at a chunk the service could not take (503, 429, no answer) before stopping
 * @param state where progress is kept for a resume; by default beside the input, as {@code <file>.progress}
 * @param restart start from the first line even if a state file says otherwise
 */
record LoaderOptions(URI url, String key, String type, int chunkLines, int retries, Path state, boolean restart,
                     Path input) {

    static final String USAGE = """
            usage: java -jar ingest-loader-exec.jar [--url http://localhost:8081] [--key KEY] \
            [--type article|country] [--chunk 1000] [--retries 5] [--state FILE] [--restart] FILE
              FILE     NDJSON (one bulk line or one record a line) or JSON (.json: an array, or one object)
              --key    an API key with the write scope; or set INGEST_API_KEY""";

    static LoaderOptions parse(String[] args, String keyFromEnvironment) {
        URI url = URI.create("http://localhost:8081");
        String key = keyFromEnvironment;
        String type = null;
        int chunk = 1000;
        int retries = 5;
        Path state = null;
        boolean restart = false;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = URI.create(value(args, ++i, "--url").replaceAll("/+$", ""));
                case "--key" -> key = value(args, ++i, "--key");
                case "--type" -> type = value(args, ++i, "--type");
                case "--chunk" -> chunk = number(value(args, ++i, "--chunk"), "--chunk", 1, 10_000);
                case "--retries" -> retries = number(value(args, ++i, "--retries"), "--retries", 0, 100);
                case "--state" -> state = Path.of(value(args, ++i, "--state"));
                case "--restart" -> restart = true;
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    files.add(args[i]);
                }
            }
        }
        if (files.size() != 1) {
            throw new IllegalArgumentException("name one file to load");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("no API key: pass --key or set INGEST_API_KEY");
        }
        if (type != null && !type.equals("article") && !type.equals("country")) {
            throw new IllegalArgumentException("--type must be article or country");
        }
        Path input = Path.of(files.get(0)).toAbsolutePath();
        return new LoaderOptions(url, key, type, chunk, retries,
                state != null ? state : input.resolveSibling(input.getFileName() + ".progress"), restart, input);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String value, String option, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max);
    }
}
