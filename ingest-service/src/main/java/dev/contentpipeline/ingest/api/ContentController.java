package dev.contentpipeline.ingest.api;

import dev.contentpipeline.ingest.publishing.ContentPublisher;
import dev.contentpipeline.ingest.publishing.Receipt;
import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentJson;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.Country;
import dev.contentpipeline.model.CountryCodes;
import dev.contentpipeline.model.InvalidContentException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/** Upserts and deletes; each answers 202 with the broker's receipt once the write is acknowledged. */
@RestController
@RequestMapping("/api")
class ContentController {

    private final ContentPublisher publisher;

    ContentController(ContentPublisher publisher) {
        this.publisher = publisher;
    }

    @PutMapping(path = "/articles/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Receipt putArticle(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        return publisher.publish(ContentJson.readForKey(body, Article.class, "id", articleId(id)));
    }

    @PutMapping(path = "/countries/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Receipt putCountry(@PathVariable String code, @RequestBody(required = false) byte[] body) {
        return publisher.publish(ContentJson.readForKey(body, Country.class, "code", countryCode(code)));
    }

    @DeleteMapping("/articles/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Receipt deleteArticle(@PathVariable String id, @RequestParam(required = false) Long version) {
        return publisher.delete(ContentType.ARTICLE, articleId(id), positive(version));
    }

    @DeleteMapping("/countries/{code}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Receipt deleteCountry(@PathVariable String code, @RequestParam(required = false) Long version) {
        return publisher.delete(ContentType.COUNTRY, countryCode(code), positive(version));
    }

    private static String articleId(String id) {
        if (!Article.ID.matcher(id).matches()) {
            throw InvalidContentException.of("id",
                    "must be a slug of lower-case letters, digits and hyphens, at most 100 characters");
        }
        return id;
    }

    private static String countryCode(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (!CountryCodes.isKnown(upper)) {
            throw InvalidContentException.of("code", "'" + code + "' is not an ISO 3166-1 alpha-2 code");
        }
        return upper;
    }

    private static Long positive(Long version) {
        if (version != null && version <= 0) {
            throw InvalidContentException.of("version", "must be a positive number");
        }
        return version;
    }
}
