package dev.jcompose.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.GoJsonWriter;
import dev.jcompose.model.ModelJson;
import dev.jcompose.model.NetworkConfig;
import dev.jcompose.model.VolumeConfig;

/**
 * Configuration hashes of networks and volumes, as docker compose computes them to notice that a
 * resource's definition changed: sha256 of the compact compose-go JSON, with a volume's empty
 * driver counted as {@code local}.
 */
public final class ResourceHash {
    private ResourceHash() {}

    public static String network(NetworkConfig network) {
        return ServiceHash.sha256(GoJsonWriter.compact(ModelJson.composeTree(network)));
    }

    public static String volume(VolumeConfig volume) {
        return ServiceHash.sha256(volumeJson(volume));
    }

    /** The exact text hashed for a volume. */
    static String volumeJson(VolumeConfig volume) {
        ObjectNode json = (ObjectNode) ModelJson.composeTree(volume);
        if (!json.has("driver")) {
            // compose fills the default here rather than in the model; keep the field order (name, driver...).
            ObjectNode ordered = json.objectNode();
            if (json.has("name")) {
                ordered.set("name", json.get("name"));
            }
            ordered.put("driver", "local");
            json.properties().forEach(e -> ordered.set(e.getKey(), e.getValue()));
            json = ordered;
        }
        return GoJsonWriter.compact(json);
    }
}
