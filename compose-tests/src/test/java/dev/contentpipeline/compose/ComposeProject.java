package dev.contentpipeline.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One Compose project on the real Docker engine: a compose file, a project name and an env file of its own (made by
 * compose/make-env with fresh secrets, then adjusted), driven through the {@code docker-compose} command (Compose
 * 1.29, Debian's) or {@code docker compose} (v2) where that is what the machine has.
 */
final class ComposeProject implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();

    private final String name;

    private final List<Path> files;

    private final Path envFile;

    private final Map<String, String> keys;

    private final Path log;

    private ComposeProject(String name, List<Path> files, Path envFile, Map<String, String> keys, Path log) {
        this.name = name;
        this.files = files;
        this.envFile = envFile;
        this.keys = keys;
        this.log = log;
    }

    /**
     * A project with a new env file: make-env's secrets, then {@code settings} replacing the lines they name.
     * Volumes left by an earlier run of the same project are removed first.
     */
    static ComposeProject create(String name, List<String> composeFiles, Map<String, String> settings) {
        try {
            Path target = Files.createDirectories(ROOT.resolve("compose-tests/target"));
            Path envFile = target.resolve(name + ".env");
            Files.deleteIfExists(envFile);
            String printed = run(List.of(ROOT.resolve("compose/make-env").toString(), envFile.toString()), ROOT);
            Map<String, String> keys = new LinkedHashMap<>();
            for (String line : printed.lines().toList()) {
                if (line.contains("API key")) {
                    keys.put(line.strip().startsWith("publisher") ? "publisher" : "operator",
                            line.substring(line.lastIndexOf(' ') + 1).strip());
                }
            }
            Map<String, String> all = new LinkedHashMap<>(settings);
            all.put("COMPOSE_PROJECT_NAME", name);
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(envFile)) {
                int equals = line.indexOf('=');
                String key = equals > 0 && !line.startsWith("#") ? line.substring(0, equals) : null;
                lines.add(key != null && all.containsKey(key) ? key + "=" + all.remove(key) : line);
            }
            all.forEach((key, value) -> lines.add(key + "=" + value));
            Files.write(envFile, lines);
            Path log = target.resolve(name + ".log");
            Files.deleteIfExists(log);
            ComposeProject project = new ComposeProject(name, composeFiles.stream().map(ROOT::resolve).toList(),
                    envFile, keys, log);
            project.compose("down", "--volumes", "--remove-orphans");
            return project;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String publisherKey() {
        return this.keys.get("publisher");
    }

    String operatorKey() {
        return this.keys.get("operator");
    }

    /** Runs a Compose command for this project; fails with the end of its output when it fails. */
    String compose(String... arguments) {
        List<String> command = new ArrayList<>(composeCommand());
        command.addAll(List.of("-p", this.name, "--env-file", this.envFile.toString()));
        this.files.forEach((file) -> command.addAll(List.of("-f", file.toString())));
        command.addAll(List.of(arguments));
        String output = run(command, ROOT);
        append(String.join(" ", arguments), output);
        return output;
    }

    /** A command in the service's (first) container, as docker-compose exec -T. */
    String exec(String service, String... command) {
        List<String> arguments = new ArrayList<>(List.of("exec", "-T", service));
        arguments.addAll(List.of(command));
        return compose(arguments.toArray(String[]::new));
    }

    /**
     * Elasticsearch's document count behind an alias (optionally of a Lucene query such as {@code tags:x}), asked
     * as the operator from inside the Elasticsearch container: its port is not published.
     */
    long documents(String service, String alias, String query) {
        String path = "/" + alias + "/_count" + (query == null ? "" : "?q=" + query);
        String answer = exec(service, "bash", "-c", "curl -s --cacert config/security/certs/ca/ca.crt "
                + "-u \"elastic:$ELASTIC_PASSWORD\" 'https://localhost:9200" + path + "'");
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"count\":(\\d+)").matcher(answer);
        if (!count.find()) {
            throw new IllegalStateException("No count in Elasticsearch's answer to " + path + ": " + answer);
        }
        return Long.parseLong(count.group(1));
    }

    /** Waits until every container of the services reports healthy. */
    void awaitHealthy(Duration timeout, String... services) {
        await().atMost(timeout).pollInterval(Duration.ofSeconds(2)).until(() -> {
            for (String service : services) {
                List<String> ids = containerIds(service);
                if (ids.isEmpty() || ids.stream().anyMatch((id) -> !"healthy".equals(
                        inspect(id, "{{if .State.Health}}{{.State.Health.Status}}{{end}}")))) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The service's running containers (several when scaled). */
    List<String> containerIds(String service) {
        return compose("ps", "-q", service).lines().map(String::strip).filter((id) -> !id.isEmpty()).toList();
    }

    String containerId(String service) {
        List<String> ids = containerIds(service);
        return ids.isEmpty() ? "" : ids.get(0);
    }

    /** The host pid of the service's main process. */
    long pid(String service) {
        return Long.parseLong(inspect(containerId(service), "{{.State.Pid}}"));
    }

    int restartCount(String service) {
        return Integer.parseInt(inspect(containerId(service), "{{.RestartCount}}"));
    }

    /**
     * Kills the service's process with SIGKILL from the host, as a crash or the kernel's OOM killer would: Docker
     * sees the container exit on its own, so its restart policy applies (docker kill would count as a stop).
     */
    void crash(String service) {
        run(List.of("kill", "-9", Long.toString(pid(service))), ROOT);
    }

    static String inspect(String container, String format) {
        return run(List.of("docker", "inspect", "-f", format, container), ROOT).strip();
    }

    /** Stops and removes the containers; the volumes stay unless asked. */
    void down(boolean volumes) {
        if (volumes) {
            compose("down", "--volumes", "--remove-orphans");
        }
        else {
            compose("down", "--remove-orphans");
        }
    }

    /** Kills a container with SIGKILL through Docker: it stays down (a stop, for its restart policy) until started. */
    static void kill(String container) {
        run(List.of("docker", "kill", "-s", "KILL", container), ROOT);
    }

    static void start(String container) {
        run(List.of("docker", "start", container), ROOT);
    }

    /** Removes everything unless -Dcompose.keep=true (to look at a failed run). */
    @Override
    public void close() {
        if (!Boolean.getBoolean("compose.keep")) {
            down(true);
        }
    }

    private static List<String> composeCommand() {
        String chosen = System.getProperty("compose.command", System.getenv("COMPOSE_COMMAND"));
        if (chosen != null && !chosen.isBlank()) {
            return List.of(chosen.strip().split("\\s+"));
        }
        try {
            return run(List.of("sh", "-c", "command -v docker-compose"), ROOT).isBlank() ? List.of("docker", "compose")
                    : List.of("docker-compose");
        }
        catch (IllegalStateException ex) {
            return List.of("docker", "compose");
        }
    }

    private void append(String what, String output) {
        try {
            Files.writeString(this.log, "$ " + what + "\n" + output + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String run(List<String> command, Path directory) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(20, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed (" + process.exitValue() + "): " + String.join(" ", command)
                        + "\n" + tail(text));
            }
            return text;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
