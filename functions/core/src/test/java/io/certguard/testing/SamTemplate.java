package io.certguard.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The project's template.yaml, parsed with CloudFormation's short-form intrinsic tags ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}, …) mapped to their JSON forms ({@code {"Ref": …}}, {@code {"Fn::GetAtt": […]}}, …), so tests can read
 * resource definitions and validate the template against the SAM JSON schema.
 */
public final class SamTemplate {

    private static final Set<String> FUNCTIONS = Set.of("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs",
            "GetAtt", "If", "ImportValue", "Join", "Not", "Or", "Select", "Split", "Sub", "Transform", "Length",
            "ToJsonString");

    private final Map<String, Object> document;

    private SamTemplate(Map<String, Object> document) {
        this.document = document;
    }

    /** The template at the project root. */
    public static SamTemplate load() {
        return load(ProjectFiles.root().resolve("template.yaml"));
    }

    @SuppressWarnings("unchecked")
    public static SamTemplate load(Path path) {
        Yaml yaml = new Yaml(new IntrinsicConstructor(new LoaderOptions()));
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new SamTemplate((Map<String, Object>) yaml.load(reader));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    public Map<String, Object> document() {
        return document;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> resources() {
        return (Map<String, Object>) document.get("Resources");
    }

    /** The resource's {@code Properties}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(String logicalId) {
        Map<String, Object> resource = (Map<String, Object>) resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
        }
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    /** Logical ids of resources of one type, in template order. */
    @SuppressWarnings("unchecked")
    public List<String> resourcesOfType(String type) {
        return resources().entrySet().stream()
                .filter(e -> type.equals(((Map<String, Object>) e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The environment of a function: Globals.Function.Environment merged with its own. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> environment(String functionLogicalId) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) document.getOrDefault("Globals", Map.of()))
                .getOrDefault("Function", Map.of());
        merged.putAll(variables(globals));
        merged.putAll(variables(properties(functionLogicalId)));
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> functionProperties) {
        Map<String, Object> environment = (Map<String, Object>) functionProperties.getOrDefault("Environment", Map.of());
        return (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
    }

    /** Maps {@code !Ref x} to {@code {"Ref": x}}, {@code !GetAtt a.b} to {@code {"Fn::GetAtt": [a, b]}}, and so on. */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    // !GetAtt Resource.Attribute is the short form of ["Resource", "Attribute"].
                    value = key.equals("Fn::GetAtt") ? List.of(text.split("\\.", 2)) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
