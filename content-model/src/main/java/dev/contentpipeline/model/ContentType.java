package dev.contentpipeline.model;

import java.util.Locale;

/** The kinds of content the pipeline carries; the wire name is the lower-case constant name. */
public enum ContentType {
    ARTICLE, COUNTRY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContentType fromWireName(String name) {
        for (ContentType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw InvalidContentException.of("type", "must be one of article, country");
    }
}
