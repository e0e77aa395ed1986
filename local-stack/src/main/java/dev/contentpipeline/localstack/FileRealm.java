package dev.contentpipeline.localstack;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A node's file realm: {@code roles.yml}, {@code users} and {@code users_roles} in
 * its config folder. What the files already hold is kept; each addition rewrites them whole, atomically, and
 * Elasticsearch reloads them within its resource reload interval. Passwords are stored as PBKDF2 hashes in
 * Elasticsearch's format, never in clear.
 */
final class FileRealm {

    private static final SecureRandom random = new SecureRandom();

    private final Path config;

    private final ElasticsearchUser owner;

    /** What is appended to the name of a user for the default aliases: nothing, or {@link #VISITORS}. */
    private final String defaultsSuffix;

    private final ObjectNode roles;

    private final Map<String, String> hashes = new LinkedHashMap<>();

    private final Map<String, List<String>> usersOfRole = new LinkedHashMap<>();

    /**
     * Appended, in the realm of a stack that already runs, to the name of a user for the default aliases: the
     * stack's own services are users by those names, and adding a user gives it a new password, which would lock the
     * running service out (the tests that reuse {@code ./pipeline run}'s servers did, until its search answered 503).
     */
    static final String VISITORS = "@tests";

    /** The realm of a node this process runs: its services' users have their own names. */
    FileRealm(Path config, ElasticsearchUser owner) {
        this(config, owner, "");
    }

    private FileRealm(Path config, ElasticsearchUser owner, String defaultsSuffix) {
        this.config = config;
        this.owner = owner;
        this.defaultsSuffix = defaultsSuffix;
        this.roles = readRoles();
        for (String line : lines("users")) {
            int colon = line.indexOf(':');
            this.hashes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        for (String line : lines("users_roles")) {
            int colon = line.indexOf(':');
            this.usersOfRole.put(line.substring(0, colon), new ArrayList<>(List.of(line.substring(colon + 1).split(","))));
        }
    }

    /**
     * The realm of a node that runs already, with services of its own: a user for the default aliases is named
     * apart from theirs ({@link #VISITORS}), with the same role.
     */
    static FileRealm ofRunningStack(Path config, ElasticsearchUser owner) {
        return new FileRealm(config, owner, VISITORS);
    }

    /** Adds the service's user for the aliases, with a new random password, and the roles for the aliases. */
    synchronized ElasticsearchCredentials add(PipelineService service, String articles, String countries) {
        String name = RoleTemplate.userName(service, articles, countries);
        if (name.equals(service.username())) {
            name = name + this.defaultsSuffix;
        }
        ElasticsearchCredentials credentials = new ElasticsearchCredentials(name, newPassword());
        this.roles.setAll(RoleTemplate.render(articles, countries));
        this.hashes.put(name, hash(credentials.password()));
        List<String> members = this.usersOfRole.computeIfAbsent(
                RoleTemplate.roleName(service.role(), articles, countries), (role) -> new ArrayList<>());
        if (!members.contains(name)) {
            members.add(name);
        }
        write();
        return credentials;
    }

    /** Writes the files, so that Elasticsearch starts with them in place even before any user is added. */
    synchronized void write() {
        StringBuilder users = new StringBuilder();
        this.hashes.forEach((name, hash) -> users.append(name).append(':').append(hash).append('\n'));
        StringBuilder usersRoles = new StringBuilder();
        this.usersOfRole.forEach((role, names) -> usersRoles.append(role).append(':').append(String.join(",", names))
            .append('\n'));
        // Elasticsearch reads roles.yml a role at a time, each starting on a line of its own: one line per role,
        // its definition in YAML's flow style (which JSON is).
        StringBuilder roles = new StringBuilder();
        this.roles.properties().forEach((entry) -> roles.append(JsonMapper.shared().writeValueAsString(entry.getKey()))
            .append(": ").append(JsonMapper.shared().writeValueAsString(entry.getValue())).append('\n'));
        replace("roles.yml", roles.toString());
        replace("users", users.toString());
        replace("users_roles", usersRoles.toString());
    }

    private ObjectNode readRoles() {
        Path file = this.config.resolve("roles.yml");
        try {
            ObjectNode roles = JsonMapper.shared().createObjectNode();
            // The distribution's own roles.yml holds only comments; ours a role per line (see write()).
            for (String line : Files.isRegularFile(file) ? Files.readAllLines(file) : List.<String>of()) {
                if (line.startsWith("\"")) {
                    roles.setAll((ObjectNode) JsonMapper.shared().readTree("{" + line + "}"));
                }
            }
            return roles;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + file, ex);
        }
    }

    private List<String> lines(String name) {
        Path file = this.config.resolve(name);
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file).stream()
                .filter((line) -> !line.isBlank() && !line.startsWith("#") && line.contains(":")).toList() : List.of();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + file, ex);
        }
    }

    private void replace(String name, String content) {
        WholeFiles.replace(this.config.resolve(name), content.getBytes(StandardCharsets.UTF_8),
                this.owner::takeOwnership);
    }

    static String newPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code {PBKDF2}<iterations>$<salt>$<key>}: PBKDF2 with HMAC-SHA512, a 32-byte salt, a 256-bit key. */
    static String hash(String password) {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        int iterations = 10_000;
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                .getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return "{PBKDF2}" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(key);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("PBKDF2 is not available", ex);
        }
    }
}
