package dev.contentpipeline.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What Maven resolved when this module was built: the versions, the broker's classpath and the Elasticsearch
 * zip. The files are in the local Maven repository of the machine that built the module.
 */
final class BuildTimeResources {

    static final String PROPERTIES = "local-stack.properties";

    static final String KAFKA_CLASSPATH = "kafka-broker.classpath";

    private static final String REBUILD = ": rebuild local-stack (mvn -f local-stack/pom.xml install)";

    private BuildTimeResources() {
    }

    static String kafkaVersion() {
        return properties().getProperty("kafka.version");
    }

    static String elasticsearchVersion() {
        return properties().getProperty("elasticsearch.version");
    }

    static Path elasticsearchZip() {
        Path zip = Path.of(properties().getProperty("elasticsearch.distribution.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("The Elasticsearch distribution " + zip + " is missing" + REBUILD);
        }
        return zip;
    }

    /** The project's analysis plugin zip, built by the analysis-plugin module. */
    static Path analysisPluginZip() {
        Path zip = Path.of(properties().getProperty("analysis.plugin.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("The analysis plugin " + zip + " is missing: rebuild analysis-plugin and "
                    + "local-stack (mvn -pl analysis-plugin,local-stack install)");
        }
        return zip;
    }

    /** The services' JVM options, one per line of compose/service-jvm.options. */
    static List<String> serviceJvmOptions() {
        return options("service-jvm.options");
    }

    /**
     * One service's own JVM options, after the shared ones (compose/&lt;service&gt;.jvm.options); none for a jar that
     * is not one of the three services.
     */
    static List<String> serviceJvmOptions(String service) {
        String name = service + ".jvm.options";
        return BuildTimeResources.class.getResource(name) == null ? List.of() : options(name);
    }

    private static List<String> options(String resource) {
        return read(resource).lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
    }

    /** The broker's jars, separated by ':'. */
    static String kafkaClasspath() {
        String classpath = read(KAFKA_CLASSPATH).strip();
        for (String jar : classpath.split(File.pathSeparator)) {
            if (!Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException("The Kafka broker jar " + jar + " is missing" + REBUILD);
            }
        }
        return classpath;
    }

    private static Properties properties() {
        Properties properties = new Properties();
        try (InputStream in = open(PROPERTIES)) {
            properties.load(in);
            return properties;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String read(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static InputStream open(String name) {
        InputStream in = BuildTimeResources.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath: it is generated when local-stack is built");
        }
        return in;
    }
}
