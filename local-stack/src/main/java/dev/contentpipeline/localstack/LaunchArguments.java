package dev.contentpipeline.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --ingest=<jar> --index=<jar> --search=<jar> --content=<folder>}, all required. */
record LaunchArguments(Path ingestJar, Path indexJar, Path searchJar, Path contentDir) {

    static final String USAGE = "Usage: PipelineLauncher --ingest=<ingest-service jar> --index=<index-service jar>"
            + " --search=<search-service jar> --content=<folder with countries.ndjson and articles/*.json>";

    static LaunchArguments parse(String... args) {
        Map<String, Path> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Unexpected argument " + arg + "\n" + USAGE);
            }
            values.put(arg.substring(2, equals), Path.of(arg.substring(equals + 1)).toAbsolutePath());
        }
        return new LaunchArguments(jar(values, "ingest"), jar(values, "index"), jar(values, "search"),
                folder(values, "content"));
    }

    private static Path jar(Map<String, Path> values, String name) {
        Path jar = required(values, name);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--" + name + ": " + jar + " is not a file (build it first?)");
        }
        return jar;
    }

    private static Path folder(Map<String, Path> values, String name) {
        Path folder = required(values, name);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--" + name + ": " + folder + " is not a folder");
        }
        return folder;
    }

    private static Path required(Map<String, Path> values, String name) {
        Path value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is missing\n" + USAGE);
        }
        return value;
    }
}
