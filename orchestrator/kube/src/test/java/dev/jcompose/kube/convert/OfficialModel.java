package dev.jcompose.kube.convert;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Manifests read back with Kubernetes' own model classes ({@code io.kubernetes:client-java-api}),
 * strictly: an unknown field, a missing required field or a value of the wrong type fails.
 */
final class OfficialModel {
    private static final Map<String, Class<?>> KINDS = Map.of(
            "ConfigMap", V1ConfigMap.class,
            "Secret", V1Secret.class,
            "PersistentVolumeClaim", V1PersistentVolumeClaim.class,
            "Service", V1Service.class,
            "Deployment", V1Deployment.class,
            "Job", V1Job.class,
            "NetworkPolicy", V1NetworkPolicy.class);

    private OfficialModel() {}

    /** Every document of {@code yaml}, as the official model class of its kind. */
    static List<Object> parse(String yaml) {
        List<Object> out = new ArrayList<>();
        Gson gson = JSON.getGson();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            JsonElement json = new Gson().toJsonTree(doc);
            String kind = json.getAsJsonObject().get("kind").getAsString();
            Class<?> type = KINDS.get(kind);
            if (type == null) {
                throw new AssertionError("unexpected kind " + kind);
            }
            validate(type, json);
            out.add(gson.fromJson(json, type));
        }
        return out;
    }

    private static void validate(Class<?> type, JsonElement json) {
        try {
            type.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new AssertionError(type.getSimpleName() + " does not parse strictly: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> List<T> ofType(List<Object> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
