package dev.contentpipeline.benchmarks;

import java.util.Locale;

/** A Markdown text being written: lines formatted with the root locale, and sections. */
final class Markdown {

    private final StringBuilder text = new StringBuilder();

    void section(String title) {
        line("");
        line("## %s", title);
        line("");
    }

    void line(String format, Object... args) {
        text.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }

    String text() {
        return text.toString();
    }
}
