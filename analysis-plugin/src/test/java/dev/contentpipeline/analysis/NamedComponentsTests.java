package dev.contentpipeline.analysis;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * named_components.json is kept by hand: it must list exactly the annotated components, each under the interface it
 * implements, with the one public constructor Elasticsearch accepts.
 */
class NamedComponentsTests {

    private static final Pattern SECTION = Pattern.compile("\"(org\\.elasticsearch\\.plugin\\.analysis\\.\\w+)\"\\s*:\\s*\\{([^}]*)}");

    private static final Pattern ENTRY = Pattern.compile("\"(content_[a-z_]+)\"\\s*:\\s*\"([\\w.]+)\"");

    @Test
    void listsEveryAnnotatedComponentUnderItsName() throws Exception {
        Map<String, String> listed = new TreeMap<>();
        listed().values().forEach(listed::putAll);

        assertThat(listed).isEqualTo(annotated());
    }

    @Test
    void eachComponentImplementsItsInterfaceWithOnePublicConstructor() throws Exception {
        for (Map.Entry<String, Map<String, String>> section : listed().entrySet()) {
            Class<?> extensible = Class.forName(section.getKey());
            for (String className : section.getValue().values()) {
                Class<?> component = Class.forName(className);
                assertThat(extensible).as(className).isAssignableFrom(component);
                assertThat(Modifier.isPublic(component.getModifiers())).as(className).isTrue();
                assertThat(component.getConstructors()).as(className).hasSize(1);
            }
        }
    }

    /** Interface name to (component name to class name). */
    private static Map<String, Map<String, String>> listed() throws IOException {
        String json = Files.readString(Path.of("src/main/plugin/named_components.json"));
        Map<String, Map<String, String>> sections = new TreeMap<>();
        Matcher section = SECTION.matcher(json);
        while (section.find()) {
            Map<String, String> entries = new TreeMap<>();
            Matcher entry = ENTRY.matcher(section.group(2));
            while (entry.find()) {
                entries.put(entry.group(1), entry.group(2));
            }
            sections.put(section.group(1), entries);
        }
        return sections;
    }

    private static Map<String, String> annotated() throws Exception {
        Map<String, String> components = new TreeMap<>();
        Path classes = Path.of("target/classes/dev/contentpipeline/analysis");
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter((f) -> f.toString().endsWith(".class")).toList()) {
                String simpleName = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("dev.contentpipeline.analysis." + simpleName);
                NamedComponent name = type.getAnnotation(NamedComponent.class);
                if (name != null) {
                    components.put(name.value(), type.getName());
                }
            }
        }
        return components;
    }
}
