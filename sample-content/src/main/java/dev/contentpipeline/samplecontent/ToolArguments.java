package dev.contentpipeline.samplecontent;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool's command line: {@code --name value} pairs, some required. The data files default to the sample-content
 * folder; the seed never does, as it lives outside the repository (e.g. {@code ../shared/seed/}).
 */
final class ToolArguments {

    private final Map<String, String> given;

    private ToolArguments(Map<String, String> given) {
        this.given = given;
    }

    /** The arguments, or, for a command line the tool cannot run with, the reason and the usage, and exit 2. */
    static ToolArguments parseOrExit(String[] args, String usage, List<String> required, List<String> optional) {
        Map<String, String> given = new HashMap<>();
        String wrong = null;
        for (int i = 0; i < args.length && wrong == null; i++) {
            String name = args[i];
            if (!required.contains(name) && !optional.contains(name)) {
                wrong = "unknown argument: " + name;
            }
            else if (i + 1 == args.length) {
                wrong = name + " needs a value";
            }
            else {
                given.put(name, args[++i]);
            }
        }
        for (String name : required) {
            if (wrong == null && !given.containsKey(name)) {
                wrong = name + " is required";
            }
        }
        if (wrong != null) {
            System.err.println(wrong);
            System.err.println(usage);
            System.exit(2);
        }
        return new ToolArguments(given);
    }

    /** The path given, or {@code fallback} inside the sample-content folder. */
    Path path(String name, String fallback) {
        return this.given.containsKey(name) ? Path.of(this.given.get(name)) : folder().resolve(fallback);
    }

    Path path(String name) {
        return Path.of(this.given.get(name));
    }

    /** The value given, or null. */
    String value(String name) {
        return this.given.get(name);
    }

    /**
     * sample-content itself: the folder exec:java names in {@code sample-content.dir} (see the pom), else
     * {@code sample-content} under the working directory, the repository's root.
     */
    private static Path folder() {
        String configured = System.getProperty("sample-content.dir");
        return configured != null ? Path.of(configured) : Path.of("sample-content");
    }
}
