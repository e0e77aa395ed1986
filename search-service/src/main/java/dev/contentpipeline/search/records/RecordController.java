package dev.contentpipeline.search.records;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import dev.contentpipeline.model.IndexFields;
import dev.contentpipeline.connections.ContentNames;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The stored record of one article or country, as it was published (with its version), or 404. */
@RestController
@RequestMapping("/api")
class RecordController {

    private final ElasticsearchClient client;
    private final ContentNames.Aliases aliases;

    RecordController(ElasticsearchClient client, ContentNames names) {
        this.client = client;
        this.aliases = names.aliases();
    }

    @GetMapping("/articles/{id}")
    ResponseEntity<?> article(@PathVariable String id) throws IOException {
        return find(aliases.articles(), id, "article", true);
    }

    @GetMapping("/countries/{code}")
    ResponseEntity<?> country(@PathVariable String code) throws IOException {
        return find(aliases.countries(), code.toUpperCase(Locale.ROOT), "country", false);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private ResponseEntity<?> find(String alias, String id, String type, boolean idIsAField) throws IOException {
        GetResponse<Map> response;
        try {
            response = client.get(g -> g.index(alias).id(id), Map.class);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return notFound(type, id);
            }
            throw e;
        }
        Map<String, Object> source = response.source();
        if (!response.found() || source == null || Boolean.TRUE.equals(source.get(IndexFields.DELETED))) {
            return notFound(type, id);
        }
        Map<String, Object> record = new LinkedHashMap<>(source);
        record.remove(IndexFields.TYPE);
        record.remove(IndexFields.DELETED);
        if (!idIsAField) {
            record.remove(IndexFields.ID);
        }
        return ResponseEntity.ok(record);
    }

    private static ResponseEntity<ProblemDetail> notFound(String type, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No " + type + " '" + id + "' is published.");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
