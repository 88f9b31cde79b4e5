package dev.jcompose.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jcompose config} flags, exit codes and global options, as docker compose has them. */
class ConfigCommandTest {
    private static final Path PROFILES = Cli.SAMPLES.resolve("profiles");
    private static final Path WEB = Cli.SAMPLES.resolve("web-api-db");

    @Test
    void servicesAreListedInStartOrderAndProfilesFilterThem() {
        assertThat(Cli.run(PROFILES, "config", "--services").out()).isEqualTo("app\n");
        assertThat(Cli.run(PROFILES, "--profile", "debug", "config", "--services")
                        .out())
                .isEqualTo("app\nadminer\ndebug-shell\n");
        assertThat(Cli.run(PROFILES, Map.of("COMPOSE_PROFILES", "mail"), "config", "--services")
                        .out())
                .isEqualTo("app\nmailhog\n");
    }

    @Test
    void globalFlagsWorkAfterTheSubcommandToo() {
        assertThat(Cli.run(Cli.SAMPLES, "config", "-f", "profiles/compose.yaml", "--services")
                        .out())
                .isEqualTo("app\n");
    }

    @Test
    void aTargetedServiceIsEnabledWithoutItsProfile() {
        assertThat(Cli.run(PROFILES, "config", "--services", "mailhog").out()).isEqualTo("app\nmailhog\n");
    }

    @Test
    void listsProfilesImagesVolumesAndNetworks() {
        assertThat(Cli.run(PROFILES, "config", "--profiles").out()).isEqualTo("debug\nmail\ntools\n");
        assertThat(Cli.run(WEB, "config", "--images").out())
                .isEqualTo("example/api:latest\npostgres:16\ndocker.io/library/nginx:1.27-alpine\n");
        assertThat(Cli.run(WEB, "config", "--volumes").out()).isEqualTo("db-data\n");
        assertThat(Cli.run(WEB, "config", "--networks").out()).isEqualTo("back\nfront\n");
    }

    @Test
    void hashesAreStableAndChangeOnlyWithTheServiceConfig(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("compose.yaml"),
                "services:\n  a: {image: busybox, environment: {X: '1'}}\n" + "  b: {image: busybox}\n");
        String before = Cli.run(dir, "config", "--hash", "*").out();
        assertThat(before).matches("a [0-9a-f]{64}\nb [0-9a-f]{64}\n");
        assertThat(Cli.run(dir, "config", "--hash", "*").out()).isEqualTo(before);
        Files.writeString(
                dir.resolve("compose.yaml"),
                "services:\n  a: {image: busybox, environment: {X: '2'}}\n" + "  b: {image: busybox}\n");
        String after = Cli.run(dir, "config", "--hash", "*").out();
        assertThat(after.lines().toList().get(0))
                .isNotEqualTo(before.lines().toList().get(0));
        assertThat(after.lines().toList().get(1))
                .isEqualTo(before.lines().toList().get(1));
        assertThat(Cli.run(dir, "config", "--hash", "b").out())
                .isEqualTo(before.lines().toList().get(1) + "\n");
    }

    @Test
    void quietValidatesOnly() {
        Cli.Run run = Cli.run(WEB, "config", "-q");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noInterpolateKeepsVariables(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  a:\n    image: busybox:${TAG:-1}\n");
        assertThat(Cli.run(dir, "config", "--images").out()).isEqualTo("busybox:1\n");
        assertThat(Cli.run(dir, "config", "--no-interpolate", "--images").out()).isEqualTo("busybox:${TAG:-1}\n");
    }

    @Test
    void outputGoesToAFileWithO(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.json");
        Cli.Run run = Cli.run(WEB, "config", "--format", "json", "-o", out.toString());
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(out))
                .isEqualTo(Cli.run(WEB, "config", "--format", "json").out());
    }

    @Test
    void exitCodesFollowDockerCompose(@TempDir Path empty) {
        Cli.Run badFormat = Cli.run(WEB, "config", "--format", "xml");
        assertThat(badFormat.exit()).isEqualTo(16);
        assertThat(badFormat.err())
                .isEqualTo("unsupported format \"xml\"\n  hint: use --format yaml or --format json\n");
        Cli.Run notFound = Cli.run(empty, "config");
        assertThat(notFound.exit()).isEqualTo(14);
        assertThat(notFound.err()).startsWith("no configuration file provided: not found\n");
        assertThat(Cli.run(empty, "-f", "nope.yaml", "config").exit()).isEqualTo(14);
        assertThat(Cli.run(WEB, "config", "--resolve-image-digests").exit()).isEqualTo(16);
        Cli.Run unknownFlag = Cli.run(WEB, "config", "--bogus");
        assertThat(unknownFlag.exit()).isEqualTo(16);
        assertThat(unknownFlag.err())
                .isEqualTo("jcompose: Unknown option: '--bogus'\n  hint: see 'jcompose config --help'\n");
    }

    @Test
    void warnsAboutTheObsoleteVersionAttribute(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "version: '3.8'\nservices:\n  a: {image: busybox}\n");
        Cli.Run run = Cli.run(dir, "config", "-q");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("the attribute `version` is obsolete");
    }

    @Test
    void versionAndHelp() {
        assertThat(Cli.run(WEB, "version").out()).startsWith("jcompose version ");
        assertThat(Cli.run(WEB, "--help").out()).contains("config", "version");
    }
}
