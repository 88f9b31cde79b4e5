package dev.jcompose.kube.convert;

import dev.jcompose.model.FileObject;
import dev.jcompose.model.FileReference;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Top-level {@code configs} and {@code secrets}: each becomes a ConfigMap or a Secret holding its
 * content under one key (the object's name), and a service's reference becomes a volume of that
 * object mounted at the target with {@code subPath}, so it lands as one file like in compose.
 */
final class FileObjects {
    private final ConversionContext scope;

    FileObjects(ConversionContext scope) {
        this.scope = scope;
    }

    /** The ConfigMaps and Secrets of the project's non-external configs and secrets that have content. */
    List<HasMetadata> objects() {
        List<HasMetadata> out = new ArrayList<>();
        scope.project()
                .configs()
                .forEach((key, o) -> content("config", key, o)
                        .ifPresent(bytes -> out.add(configMap(scope.configs().get(key), bytes))));
        scope.project()
                .secrets()
                .forEach((key, o) -> content("secret", key, o)
                        .ifPresent(bytes -> out.add(secret(scope.secrets().get(key), bytes))));
        return out;
    }

    /** One volume per reference of {@code service}, with its mount. */
    void mount(String service, List<Volume> volumes, List<VolumeMount> mounts) {
        var s = scope.project().services().get(service);
        for (FileReference r : s.configs()) {
            reference(service, "configs", r, volumes, mounts);
        }
        for (FileReference r : s.secrets()) {
            reference(service, "secrets", r, volumes, mounts);
        }
    }

    private void reference(
            String service, String key, FileReference r, List<Volume> volumes, List<VolumeMount> mounts) {
        boolean secret = key.equals("secrets");
        FileObject o = (secret ? scope.project().secrets() : scope.project().configs()).get(r.source());
        if (o == null) {
            return; // the loader has already refused an undeclared reference
        }
        String object = o.external()
                ? ObjectNames.label(o.name() == null ? r.source() : o.name())
                : (secret ? scope.secrets() : scope.configs()).get(r.source());
        String dataKey = o.external() ? r.source() : object;
        if ((r.uid() != null && !r.uid().isEmpty())
                || (r.gid() != null && !r.gid().isEmpty())) {
            scope.warnings().add(service, key, "uid and gid are not translated (Kubernetes sets fsGroup per pod)");
        }
        String volume = ObjectNames.derived(secret ? "secret" : "config", object);
        KeyToPath item = new KeyToPath(dataKey, r.mode(), dataKey);
        VolumeBuilder v = new VolumeBuilder().withName(volume);
        if (secret) {
            v.withNewSecret().withSecretName(object).withItems(item).endSecret();
        } else {
            v.withNewConfigMap().withName(object).withItems(item).endConfigMap();
        }
        if (volumes.stream().noneMatch(x -> x.getName().equals(volume))) {
            volumes.add(v.build());
        }
        mounts.add(new VolumeMountBuilder()
                .withName(volume)
                .withMountPath(target(secret, r))
                .withSubPath(dataKey)
                .withReadOnly(true)
                .build());
    }

    /** compose's default targets: {@code /<source>} for a config, {@code /run/secrets/<source>} for a secret. */
    private static String target(boolean secret, FileReference r) {
        String t = r.target() == null || r.target().isEmpty() ? r.source() : r.target();
        if (t.startsWith("/")) {
            return t;
        }
        return (secret ? "/run/secrets/" : "/") + t;
    }

    private Optional<byte[]> content(String what, String key, FileObject o) {
        if (o.external()) {
            scope.warnings()
                    .add(
                            null,
                            what + " \"" + key + "\"",
                            "is external: it is not emitted, the cluster must already have it as "
                                    + (what.equals("secret") ? "a Secret" : "a ConfigMap") + " named \""
                                    + ObjectNames.label(o.name() == null ? key : o.name()) + "\" with key \"" + key
                                    + "\"");
            return Optional.empty();
        }
        if (o.content() != null) {
            return Optional.of(o.content().getBytes(StandardCharsets.UTF_8));
        }
        if (o.file() != null && !o.file().isEmpty()) {
            if (scope.files().probe(o.file()) instanceof ProjectFiles.RegularFile f) {
                return Optional.of(f.content());
            }
            scope.warnings()
                    .add(null, what + " \"" + key + "\"", "file " + o.file() + " is not a readable file: not emitted");
            return Optional.empty();
        }
        scope.warnings()
                .add(
                        null,
                        what + " \"" + key + "\"",
                        "has no value (environment variable " + o.environment() + " is not set): not emitted");
        return Optional.empty();
    }

    private HasMetadata configMap(String name, byte[] bytes) {
        ConfigMapBuilder b = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(ObjectLabels.of(scope.projectName(), null))
                .endMetadata();
        Optional<String> text = utf8(bytes);
        if (text.isPresent()) {
            b.withData(new TreeMap<>(Map.of(name, text.get())));
        } else {
            b.withBinaryData(new TreeMap<>(Map.of(name, Base64.getEncoder().encodeToString(bytes))));
        }
        return b.build();
    }

    private HasMetadata secret(String name, byte[] bytes) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(ObjectLabels.of(scope.projectName(), null))
                .endMetadata()
                .withType("Opaque")
                .withData(new TreeMap<>(Map.of(name, Base64.getEncoder().encodeToString(bytes))))
                .build();
    }

    /** The bytes as text when they are valid UTF-8 (ConfigMap {@code data}), else empty ({@code binaryData}). */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
