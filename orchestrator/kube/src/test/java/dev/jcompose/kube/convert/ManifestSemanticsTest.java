package dev.jcompose.kube.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.kube.manifest.ManifestWriter;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every emitted object parses strictly with the official model classes, and the objects fit together:
 * selectors match pod labels, every mount has a volume, every referenced ConfigMap, Secret, claim and
 * Service is emitted, every compose service name resolves to a Service.
 */
class ManifestSemanticsTest {
    static Stream<Arguments> conversions() {
        List<Arguments> out = new ArrayList<>();
        for (String sample : ConvertGoldenTest.SAMPLES) {
            out.add(Arguments.of(sample, ConvertOptions.DEFAULTS));
            out.add(Arguments.of(
                    sample,
                    ConvertOptions.DEFAULTS
                            .withNamespace("staging")
                            .withExpose(ConvertOptions.Expose.NODEPORT)
                            .withLiveness(true)));
            out.add(Arguments.of(
                    sample,
                    ConvertOptions.DEFAULTS
                            .withExpose(ConvertOptions.Expose.NONE)
                            .withDependencies(ConvertOptions.Dependencies.IGNORE)));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("conversions")
    void everyObjectParsesStrictlyAndTheObjectsFitTogether(String sample, ConvertOptions options) {
        Conversion c = Samples.convert(sample, options);
        List<Object> objects = OfficialModel.parse(new ManifestWriter().write(c.objects()));
        assertThat(objects).hasSameSizeAs(c.objects());

        List<V1PodTemplateSpec> templates = new ArrayList<>();
        for (V1Deployment d : OfficialModel.ofType(objects, V1Deployment.class)) {
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                    .as("pod labels of Deployment %s", d.getMetadata().getName())
                    .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
            templates.add(d.getSpec().getTemplate());
        }
        OfficialModel.ofType(objects, V1Job.class)
                .forEach(j -> templates.add(j.getSpec().getTemplate()));
        assertThat(templates).hasSize(Samples.load(sample).services().size());

        Set<String> configMaps = names(OfficialModel.ofType(objects, V1ConfigMap.class).stream()
                .map(m -> m.getMetadata().getName()));
        Set<String> secrets = names(OfficialModel.ofType(objects, V1Secret.class).stream()
                .map(s -> s.getMetadata().getName()));
        Set<String> claims = names(OfficialModel.ofType(objects, V1PersistentVolumeClaim.class).stream()
                .map(s -> s.getMetadata().getName()));
        List<V1Service> services = OfficialModel.ofType(objects, V1Service.class);
        for (V1PodTemplateSpec t : templates) {
            List<V1Volume> volumes =
                    t.getSpec().getVolumes() == null ? List.of() : t.getSpec().getVolumes();
            Set<String> volumeNames = names(volumes.stream().map(V1Volume::getName));
            for (V1Container container : containers(t)) {
                for (V1VolumeMount m : nonNull(container.getVolumeMounts())) {
                    assertThat(volumeNames)
                            .as("volumes of %s", container.getName())
                            .contains(m.getName());
                }
                for (V1EnvFromSource e : nonNull(container.getEnvFrom())) {
                    if (e.getConfigMapRef() != null) {
                        assertThat(configMaps).contains(e.getConfigMapRef().getName());
                    }
                    if (e.getSecretRef() != null) {
                        assertThat(secrets).contains(e.getSecretRef().getName());
                    }
                }
            }
            for (V1Volume v : volumes) {
                if (v.getConfigMap() != null) {
                    assertThat(configMaps).contains(v.getConfigMap().getName());
                }
                if (v.getSecret() != null) {
                    assertThat(secrets).contains(v.getSecret().getSecretName());
                }
                if (v.getPersistentVolumeClaim() != null) {
                    assertThat(claims).contains(v.getPersistentVolumeClaim().getClaimName());
                }
            }
            for (V1Container init : nonNull(t.getSpec().getInitContainers())) {
                String waitsFor = init.getName().substring("wait-for-".length());
                assertThat(services)
                        .as("the Service %s waits for", waitsFor)
                        .anyMatch(s -> s.getMetadata().getName().equals(waitsFor));
            }
        }
        for (V1Service s : services) {
            assertThat(templates)
                    .as("pods selected by Service %s", s.getMetadata().getName())
                    .anyMatch(t -> t.getMetadata()
                            .getLabels()
                            .entrySet()
                            .containsAll(s.getSpec().getSelector().entrySet()));
        }
        for (String service : Samples.load(sample).services().keySet()) {
            String name = ObjectNames.label(service);
            assertThat(services)
                    .as("a Service for %s", service)
                    .anyMatch(s -> s.getMetadata().getName().equals(name));
        }
        if (options.namespace() != null) {
            assertThat(c.objects())
                    .allMatch(o -> options.namespace().equals(o.getMetadata().getNamespace()));
        }
    }

    @Test
    void anUnknownFieldOrAWrongTypeFailsTheStrictParse() {
        String unknown = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  colour: blue\n";
        assertThatThrownBy(() -> OfficialModel.parse(unknown)).hasMessageContaining("colour");
        String wrongType = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n"
                + "  replicas: many\n  selector: {}\n  template: {}\n";
        assertThatThrownBy(() -> OfficialModel.parse(wrongType)).hasStackTraceContaining("many");
        String wrongShape = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: [a, b]\n";
        assertThatThrownBy(() -> OfficialModel.parse(wrongShape)).isInstanceOf(RuntimeException.class);
        String missing = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports:\n  - name: a\n";
        assertThatThrownBy(() -> OfficialModel.parse(missing)).hasMessageContaining("port");
    }

    private static List<V1Container> containers(V1PodTemplateSpec t) {
        List<V1Container> out = new ArrayList<>(t.getSpec().getContainers());
        out.addAll(nonNull(t.getSpec().getInitContainers()));
        return out;
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static Set<String> names(Stream<String> s) {
        return s.collect(java.util.stream.Collectors.toSet());
    }
}
