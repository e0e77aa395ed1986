package dev.contentpipeline.localstack;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Service users in a local node's file realm: written to its files, then awaited until the node has read them
 * back (it reloads the realm every second) and grants the role.
 */
final class FileRealmUsers implements ElasticsearchAccess.ServiceUsers {

    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(30);

    /** How long to wait before writing the files again, in case the node's file watcher missed their change. */
    private static final Duration REWRITE_AFTER = Duration.ofSeconds(8);

    /**
     * How long to wait before clearing the node's cache of the user's role: a user checked before the node had read
     * the new role can stay without it, however often the files are written again.
     */
    private static final Duration CLEAR_ROLE_CACHE_AFTER = Duration.ofSeconds(3);

    private static final System.Logger log = System.getLogger(FileRealmUsers.class.getName());

    private final FileRealm realm;

    FileRealmUsers(FileRealm realm) {
        this.realm = realm;
    }

    /** Access to a node that already runs, from its address, the operator's password and its config folder. */
    static ElasticsearchAccess access(String url, String operatorPassword, Path config) {
        Path ca = config.resolve("certs/ca/ca.crt");
        if (!Files.isRegularFile(ca) || !Files.isRegularFile(config.resolve("users"))) {
            throw new IllegalStateException(config + " is not the config folder of a node the local stack made "
                    + "(no certs/ca/ca.crt or users)");
        }
        return new ElasticsearchAccess(url, ca, new ElasticsearchCredentials("elastic", operatorPassword),
                new FileRealmUsers(FileRealm.ofRunningStack(config, ElasticsearchUser.forThisProcess())));
    }

    /** The config folder that {@link #access} reads, for a node the local stack made: three levels above its CA. */
    static Path configFolder(ElasticsearchAccess access) {
        return access.caCertificate().getParent().getParent().getParent();
    }

    @Override
    public ElasticsearchCredentials create(ElasticsearchAccess access, PipelineService service, String articles, String countries) {
        ElasticsearchCredentials user = this.realm.add(service, articles, countries);
        String check = "{\"index\":[{\"names\":[\"" + articles + "\"],\"privileges\":[\"read\"]}]}";
        String role = RoleTemplate.roleName(service.role(), articles, countries);
        long start = System.nanoTime();
        long deadline = start + RELOAD_TIMEOUT.toNanos();
        long rewriteAt = start + REWRITE_AFTER.toNanos();
        long clearAt = start + CLEAR_ROLE_CACHE_AFTER.toNanos();
        while (true) {
            HttpResponse<String> answer = access.send(access.request("/_security/user/_has_privileges", user)
                .POST(HttpRequest.BodyPublishers.ofString(check)).build());
            if (answer.statusCode() == 200 && answer.body().contains("\"has_all_requested\":true")) {
                return user;
            }
            if (System.nanoTime() > deadline) {
                HttpResponse<String> who = access.send(access.request("/_security/_authenticate", user).build());
                throw new IllegalStateException("Elasticsearch did not take the user " + user.username() + " within "
                        + RELOAD_TIMEOUT.toSeconds() + " s: " + answer.statusCode() + " " + answer.body() + "; "
                        + who.body());
            }
            if (answer.statusCode() == 200 && System.nanoTime() > clearAt) {
                // Seen in CI (2026-12-04): authenticated with the role named, the role's privileges not granted for 30
                // s, through three rewrites of the files.
                HttpResponse<String> cleared = clearRoleCache(access, role);
                log.log(System.Logger.Level.WARNING, "Elasticsearch has not granted {0} its role {1} after {2} s: "
                        + "its cache of the role cleared ({3} {4})", user.username(), role,
                        Duration.ofNanos(System.nanoTime() - start).toSeconds(), cleared.statusCode(), cleared.body());
                clearAt = System.nanoTime() + CLEAR_ROLE_CACHE_AFTER.toNanos();
            }
            if (System.nanoTime() > rewriteAt) {
                // Seen once in a benchmark's start: the node authenticated the user but never granted the role, 30 s
                // long. Files written again get a new modification time, which its watcher cannot miss.
                log.log(System.Logger.Level.WARNING, "Elasticsearch has not granted {0} its role after {1} s: "
                        + "writing the file realm again", user.username(), REWRITE_AFTER.toSeconds());
                this.realm.write();
                rewriteAt = System.nanoTime() + REWRITE_AFTER.toNanos();
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    /** Makes the node read the role afresh the next time a user holding it is checked. */
    static HttpResponse<String> clearRoleCache(ElasticsearchAccess access, String role) {
        return access.send(access.request("/_security/role/" + URLEncoder.encode(role, StandardCharsets.UTF_8)
                + "/_clear_cache").POST(HttpRequest.BodyPublishers.noBody()).build());
    }
}
