package dev.contentpipeline.loader;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Progress kept on disk after every settled chunk: the input it belongs to (path, size, modification time) and
 * the last item number up to which every item was accepted or rejected, with the counts so far. Written to a
 * temporary file and moved into place, so an interruption leaves the old state or the new one, never half.
 */
record LoadState(String input, long size, long modified, long settled, long accepted, long rejected) {

    static LoadState fresh(Path input) throws IOException {
        return new LoadState(input.toString(), Files.size(input), Files.getLastModifiedTime(input).toMillis(), 0, 0,
                0);
    }

    /** The saved state, or null if there is none. */
    static LoadState read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return new LoadState(properties.getProperty("input"), Long.parseLong(properties.getProperty("size")),
                Long.parseLong(properties.getProperty("modified")), Long.parseLong(properties.getProperty("settled")),
                Long.parseLong(properties.getProperty("accepted")), Long.parseLong(properties.getProperty("rejected")));
    }

    boolean belongsTo(LoadState fresh) {
        return input.equals(fresh.input) && size == fresh.size && modified == fresh.modified;
    }

    LoadState settledThrough(long number, long moreAccepted, long moreRejected) {
        return new LoadState(input, size, modified, number, accepted + moreAccepted, rejected + moreRejected);
    }

    void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("input", input);
        properties.setProperty("size", Long.toString(size));
        properties.setProperty("modified", Long.toString(modified));
        properties.setProperty("settled", Long.toString(settled));
        properties.setProperty("accepted", Long.toString(accepted));
        properties.setProperty("rejected", Long.toString(rejected));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(out, "ingest-loader progress: every item up to 'settled' was accepted or rejected");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
