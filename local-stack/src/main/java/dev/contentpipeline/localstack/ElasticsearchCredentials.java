package dev.contentpipeline.localstack;

/** A user of Elasticsearch and its password; {@link #toString()} leaves the password out. */
public record ElasticsearchCredentials(String username, String password) {

    @Override
    public String toString() {
        return this.username;
    }
}
