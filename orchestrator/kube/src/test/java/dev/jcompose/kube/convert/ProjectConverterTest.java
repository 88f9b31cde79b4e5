package dev.jcompose.kube.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.ProjectLoader;
import dev.jcompose.model.Project;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConverterTest {
    @TempDir
    Path dir;

    private Project load(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                .load(LoadOptions.in(dir).withFiles("compose.yaml"))
                .project();
    }

    private Conversion convert(String yaml, ConvertOptions options) throws IOException {
        return new ProjectConverter(options, new LocalProjectFiles()).convert(load(yaml));
    }

    private static <T extends HasMetadata> T one(Conversion c, Class<T> type, String name) {
        return c.objects().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    @Test
    void aServiceBuiltHereWithoutAnImageIsRefusedWithAHintToPushIt() {
        // the loader accepts a build-only service (its image is <project>-<service>, local only)
        assertThatThrownBy(() -> convert(
                        "services:\n  app:\n    build: .\n  db:\n    image: busybox\n", ConvertOptions.DEFAULTS))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("service(s) app have build: and no image: a cluster cannot build, it pulls images")
                .satisfies(e -> assertThat(((JcomposeException) e).hint())
                        .isEqualTo(
                                "add image: <registry>/<name>:<tag> to each, run `jcompose build` and `jcompose push`, "
                                        + "then convert again"));
    }

    @Test
    void invalidNamesAreRenamedOnceEachWithAWarningAndCollisionsGetASuffix() throws IOException {
        Conversion c = convert(
                "name: p\nservices:\n  Web_App:\n    image: a\n  web-app:\n    image: b\n", ConvertOptions.DEFAULTS);
        assertThat(c.objects())
                .filteredOn(o -> o instanceof Deployment)
                .extracting(o -> o.getMetadata().getName())
                .containsExactly("web-app", "web-app-2");
        assertThat(c.warnings())
                .containsExactly(
                        "service \"Web_App\" is not a valid Kubernetes name: renamed to \"web-app\"",
                        "service \"web-app\" has the same Kubernetes name as another: renamed to \"web-app-2\"");
        assertThat(ObjectNames.label("9lives")).isEqualTo("x-9lives");
        assertThat(ObjectNames.label("a".repeat(80))).hasSize(63);
    }

    @Test
    void aDerivedNameThatMeetsAnotherObjectIsAnError() {
        assertThatThrownBy(() -> convert(
                        "name: p\nservices:\n  web:\n    image: a\n    ports: [\"80:80\"]\n"
                                + "  web-published:\n    image: b\n    expose: [\"80\"]\n",
                        ConvertOptions.DEFAULTS))
                .isInstanceOf(JcomposeException.class)
                .hasMessageContaining("Service/web-published");
    }

    @Test
    void aOneShotIsAJobAndDollarParenthesisReachesTheProcessAsWritten() throws IOException {
        Conversion c = convert(
                "name: p\nservices:\n  once:\n    image: a\n    restart: \"no\"\n"
                        + "    command: [\"echo\", \"$$(date)\"]\n",
                ConvertOptions.DEFAULTS);
        Job job = one(c, Job.class, "once");
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getArgs())
                .containsExactly("echo", "$$(date)");
        assertThat(c.objects()).noneMatch(o -> o instanceof Deployment);
    }

    @Test
    void publishedPortsGoToASeparateServiceOfTheChosenTypeOrNowhere() throws IOException {
        String yaml = "name: p\nservices:\n  web:\n    image: a\n    ports: [\"8080:80\", \"30080:81\"]\n";
        Conversion lb = convert(yaml, ConvertOptions.DEFAULTS);
        assertThat(one(lb, Service.class, "web").getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(one(lb, Service.class, "web").getSpec().getPorts())
                .extracting(p -> p.getPort())
                .containsExactly(80, 81);
        assertThat(one(lb, Service.class, "web-published").getSpec().getType()).isEqualTo("LoadBalancer");

        Conversion np = convert(yaml, ConvertOptions.DEFAULTS.withExpose(ConvertOptions.Expose.NODEPORT));
        Service published = one(np, Service.class, "web-published");
        assertThat(published.getSpec().getType()).isEqualTo("NodePort");
        assertThat(published.getSpec().getPorts())
                .extracting(p -> p.getPort() + ":" + p.getNodePort())
                .containsExactly("8080:null", "30080:30080");

        Conversion none = convert(yaml, ConvertOptions.DEFAULTS.withExpose(ConvertOptions.Expose.NONE));
        assertThat(none.objects()).noneMatch(o -> o.getMetadata().getName().equals("web-published"));
        assertThat(none.warnings()).anyMatch(w -> w.contains("--expose=none"));
    }

    @Test
    void dependsOnWaitsForThePortOrTheNameOfTheDependencyUnlessIgnored() throws IOException {
        String yaml = "name: p\nservices:\n  app:\n    image: a\n    depends_on: [db, cache]\n"
                + "  db:\n    image: d\n    expose: [\"5432\"]\n  cache:\n    image: c\n";
        Deployment app = one(convert(yaml, ConvertOptions.DEFAULTS), Deployment.class, "app");
        assertThat(app.getSpec().getTemplate().getSpec().getInitContainers())
                .extracting(c -> c.getName() + " " + c.getCommand().get(2))
                .containsExactly(
                        "wait-for-cache until nslookup cache >/dev/null 2>&1; do echo waiting for cache; sleep 2; done",
                        "wait-for-db until nc -z -w 2 db 5432; do echo waiting for db; sleep 2; done");
        Deployment ignored = one(
                convert(yaml, ConvertOptions.DEFAULTS.withDependencies(ConvertOptions.Dependencies.IGNORE)),
                Deployment.class,
                "app");
        assertThat(ignored.getSpec().getTemplate().getSpec().getInitContainers())
                .isEmpty();
    }

    @Test
    void everySettingThatDoesNotTranslateIsListedOnce() throws IOException {
        Conversion c = convert(
                "name: p\nservices:\n  app:\n    image: a\n    ulimits: {nofile: 10, nproc: 5}\n"
                        + "    dns: [1.1.1.1]\n    cap_add: [NET_ADMIN]\n",
                ConvertOptions.DEFAULTS);
        assertThat(c.warnings())
                .containsExactly(
                        "service \"app\": dns is not translated to Kubernetes and is ignored",
                        "service \"app\": ulimits is not translated to Kubernetes and is ignored");
    }

    @Test
    void aSingleNetworkMakesNoPolicyAndSeveralMakeOnePerNetworkPlusPublishedPorts() throws IOException {
        Conversion one = convert("name: p\nservices:\n  a:\n    image: a\n", ConvertOptions.DEFAULTS);
        assertThat(one.objects()).noneMatch(o -> o.getKind().equals("NetworkPolicy"));
        Conversion two = convert(
                "name: p\nservices:\n  a:\n    image: a\n    networks: [x]\n    ports: [\"80:80\"]\n"
                        + "  b:\n    image: b\n    networks: [y]\nnetworks:\n  x: {}\n  y: {}\n",
                ConvertOptions.DEFAULTS);
        List<String> policies = two.objects().stream()
                .filter(o -> o.getKind().equals("NetworkPolicy"))
                .map(o -> o.getMetadata().getName())
                .toList();
        assertThat(policies).containsExactly("a-published", "network-x", "network-y");
    }
}
