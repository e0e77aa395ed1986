package dev.contentpipeline.connections;

import dev.contentpipeline.model.ContentType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The names the services agree on: the topic each content type is published to, and the alias each type is
 * indexed and searched through ({@code CONTENT_TOPICS_ARTICLES}, {@code CONTENT_ALIASES_COUNTRIES}, ...).
 *
 * @param topics the content topics, their dead-letter topics and their partitions
 * @param aliases the alias in front of each type's versioned index
 */
@Validated
@ConfigurationProperties("content")
public record ContentNames(@Valid @NotNull @DefaultValue Topics topics, @Valid @NotNull @DefaultValue Aliases aliases) {

    /**
     * @param articles the articles' topic
     * @param countries the country records' topic
     * @param deadLetterSuffix appended to a topic's name to name its dead-letter topic
     * @param partitions partitions of each topic when a service creates it; the replication factor is the
     *        broker's {@code default.replication.factor}
     */
    public record Topics(
            @NotBlank @DefaultValue("content.articles") String articles,
            @NotBlank @DefaultValue("content.countries") String countries,
            @NotBlank @DefaultValue(".DLT") String deadLetterSuffix,
            @Min(1) @DefaultValue("3") int partitions) {

        public String of(ContentType type) {
            return type == ContentType.ARTICLE ? this.articles : this.countries;
        }

        /** The type a content topic carries, or null for any other topic. */
        public ContentType typeOf(String topic) {
            if (this.articles.equals(topic)) {
                return ContentType.ARTICLE;
            }
            return this.countries.equals(topic) ? ContentType.COUNTRY : null;
        }

        public String deadLetters(String topic) {
            return topic + this.deadLetterSuffix;
        }
    }

    public record Aliases(
            @NotBlank @DefaultValue("articles") String articles,
            @NotBlank @DefaultValue("countries") String countries) {

        public String of(ContentType type) {
            return type == ContentType.ARTICLE ? this.articles : this.countries;
        }
    }
}
