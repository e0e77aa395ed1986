package dev.contentpipeline.analysis;

import java.io.Reader;

import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;

/**
 * {@code content_zwnj_space}: in Arabic-script text, a ZERO WIDTH NON-JOINER is read as a space before the tokenizer
 * sees it. Persian writes {@code سان‌مارینو} with one; most readers type a space there ({@code سان مارینو}), so both
 * must give the same words. ZWNJ inside Devanagari or Bengali words only steers the rendering of a conjunct and is
 * left to {@code content_script_folding}, which drops it.
 * @see ZwnjSpaceCharFilter
 */
@NamedComponent("content_zwnj_space")
public class ZwnjSpaceCharFilterFactory implements CharFilterFactory {

    @Override
    public Reader create(Reader reader) {
        return new ZwnjSpaceCharFilter(reader);
    }

    @Override
    public Reader normalize(Reader reader) {
        return new ZwnjSpaceCharFilter(reader);
    }
}
