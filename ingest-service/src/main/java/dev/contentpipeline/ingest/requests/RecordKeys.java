package dev.contentpipeline.ingest.requests;

import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.CountryCodes;
import dev.contentpipeline.model.InvalidContentException;

import java.util.Locale;

/** FieldChecks the id or code that names a record in a path or a bulk line. */
public final class RecordKeys {

    private RecordKeys() {
    }

    public static String articleId(String id) {
        if (id == null || !Article.ID.matcher(id).matches()) {
            throw InvalidContentException.of("id",
                    "must be a slug of lower-case letters, digits and hyphens, at most 100 characters");
        }
        return id;
    }

    /** Upper-cases the code, as the topic's key and the record carry it. */
    public static String countryCode(String code) {
        String upper = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        if (!CountryCodes.isKnown(upper)) {
            throw InvalidContentException.of("code", "'" + code + "' is not an ISO 3166-1 alpha-2 code");
        }
        return upper;
    }
}
