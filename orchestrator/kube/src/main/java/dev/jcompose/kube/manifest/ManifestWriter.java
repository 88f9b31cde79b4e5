package dev.jcompose.kube.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * Kubernetes objects as YAML documents, byte for byte the same for the same objects: fields in the
 * model's order, map keys sorted, strings quoted only where YAML would read them as something else,
 * multi-line values as literal blocks.
 */
public final class ManifestWriter {
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    /** One document per object, each starting with {@code ---}. */
    public String write(List<? extends HasMetadata> objects) {
        StringBuilder out = new StringBuilder();
        for (HasMetadata o : objects) {
            out.append(write(o));
        }
        return out.toString();
    }

    /** One document. */
    public String write(HasMetadata object) {
        try {
            return yaml.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + object.getKind() + " as YAML", e);
        }
    }
}
