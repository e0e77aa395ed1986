package dev.contentpipeline.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The services' roles, elasticsearch/security/roles.json (copied here at build time), rendered for one pair of
 * aliases. The default aliases get the roles' plain names; other pairs (tests') get names of their own.
 */
final class RoleTemplate {

    static final String DEFAULT_ARTICLES = "articles";

    static final String DEFAULT_COUNTRIES = "countries";

    private static final String TEMPLATE = read();

    private RoleTemplate() {
    }

    /** The role definitions by name, as the security API and the file realm's roles.yml take them. */
    static ObjectNode render(String articles, String countries) {
        String json = TEMPLATE.replace("${ARTICLES}", articles)
            .replace("${COUNTRIES}", countries)
            .replace("${ROLE_SUFFIX}", suffix(articles, countries));
        JsonNode roles = JsonMapper.shared().readTree(json);
        return (ObjectNode) roles;
    }

    /** The name of a role of the template for this pair of aliases. */
    static String roleName(String role, String articles, String countries) {
        return role + suffix(articles, countries);
    }

    /** The name of a service's user for this pair of aliases. */
    static String userName(PipelineService service, String articles, String countries) {
        return service.username() + suffix(articles, countries);
    }

    private static String suffix(String articles, String countries) {
        boolean defaults = DEFAULT_ARTICLES.equals(articles) && DEFAULT_COUNTRIES.equals(countries);
        return defaults ? "" : "@" + articles + "+" + countries;
    }

    private static String read() {
        try (InputStream in = RoleTemplate.class.getResourceAsStream("security/roles.json")) {
            if (in == null) {
                throw new IllegalStateException("security/roles.json is not on the classpath: rebuild local-stack");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
