package dev.contentpipeline.index.indexing;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.model.ContentType;

/**
 * Where a batch's writes go, and where its articles' country names are read from: the live aliases for the
 * listener, one version's concrete indices for a rebuild, so that a rebuilt articles index is enriched from the
 * countries index built beside it.
 *
 * @param articles the articles' alias or index
 * @param countries the countries' alias or index
 */
public record IndexTargets(String articles, String countries) {

    /** The aliases searches read and the listener writes. */
    public static IndexTargets aliases(ContentNames names) {
        return new IndexTargets(names.aliases().articles(), names.aliases().countries());
    }

    String of(ContentType type) {
        return type == ContentType.ARTICLE ? articles : countries;
    }

    @Override
    public String toString() {
        return articles + " and " + countries;
    }
}
