package dev.contentpipeline.ingest.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.contentpipeline.ingest.publishing.AcceptedVersions;
import dev.contentpipeline.ingest.requests.RecordKeys;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.InvalidContentException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.OptionalLong;

/** {@code GET /api/status/{type}/{id}}: which version is accepted, which is indexed, which a search finds. */
@RestController
@RequestMapping("/api/status")
@Tag(name = "status", description = "Is it searchable yet?")
class StatusController {

    /**
     * @param acceptedVersion the highest version acknowledged by this instance or held by the index
     * @param indexedVersion the version Elasticsearch holds (realtime), searchable or not yet
     * @param searchableVersion the version a search finds now
     * @param deleted whether what a search finds is a deletion
     * @param searchable whether a search finds the accepted version (or a newer one)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecordStatus(String type, String id, Long acceptedVersion, Long indexedVersion, Long searchableVersion,
                        Boolean deleted, boolean searchable) {
    }

    private final AcceptedVersions accepted;
    private final SearchableVersions versions;

    StatusController(AcceptedVersions accepted, SearchableVersions versions) {
        this.accepted = accepted;
        this.versions = versions;
    }

    @GetMapping("/{type}/{id}")
    @Operation(summary = "Which version of a record is accepted, indexed and searchable")
    ResponseEntity<?> status(@PathVariable String type, @PathVariable String id) {
        ContentType contentType = switch (type) {
            case "article" -> ContentType.ARTICLE;
            case "country" -> ContentType.COUNTRY;
            default -> throw InvalidContentException.of("type", "must be article or country, was '" + type + "'");
        };
        String key = contentType == ContentType.ARTICLE ? RecordKeys.articleId(id) : RecordKeys.countryCode(id);
        Optional<SearchableVersions.IndexedVersion> searchable = versions.searchable(contentType, key);
        Optional<SearchableVersions.IndexedVersion> indexed = versions.indexed(contentType, key);
        OptionalLong acknowledged = accepted.highest(contentType, key);
        Long indexedVersion = indexed.map(SearchableVersions.IndexedVersion::version).orElse(null);
        Long acceptedVersion = acknowledged.isEmpty() ? indexedVersion
                : Long.valueOf(Math.max(acknowledged.getAsLong(), indexedVersion == null ? 0 : indexedVersion));
        if (acceptedVersion == null && searchable.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Neither this instance"
                    + " nor the index knows " + contentType.wireName() + " '" + key + "'.");
            problem.setTitle("Unknown record");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        Long searchableVersion = searchable.map(SearchableVersions.IndexedVersion::version).orElse(null);
        return ResponseEntity.ok(new RecordStatus(contentType.wireName(), key, acceptedVersion, indexedVersion,
                searchableVersion,
                searchable.map(SearchableVersions.IndexedVersion::deleted).orElse(null),
                searchableVersion != null && (acceptedVersion == null || searchableVersion >= acceptedVersion)));
    }
}

