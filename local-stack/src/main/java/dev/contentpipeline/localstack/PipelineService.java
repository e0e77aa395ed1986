package dev.contentpipeline.localstack;

/**
 * The services that reach Elasticsearch, each as its own user with only the role it needs (the roles are in
 * elasticsearch/security/roles.yml).
 */
public enum PipelineService {

    INGEST("ingest-service", "content_reader"),
    INDEX("index-service", "content_indexer"),
    SEARCH("search-service", "content_reader");

    private final String username;

    private final String role;

    PipelineService(String username, String role) {
        this.username = username;
        this.role = role;
    }

    /** The user for the default aliases. */
    public String username() {
        return this.username;
    }

    String role() {
        return this.role;
    }
}
