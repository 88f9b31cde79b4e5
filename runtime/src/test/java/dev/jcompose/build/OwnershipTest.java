package dev.jcompose.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.dockerfile.DockerfileException;
import dev.jcompose.dockerfile.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --chown} as BuildKit resolves it, reading the image's own user database. */
class OwnershipTest {
    @TempDir
    Path root;

    @BeforeEach
    void users() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(
                root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1001:App:/home/app:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nstaff:x:50:app\napp:x:1001:\n");
    }

    @Test
    void numbersNeedNoLookupAndALoneUidIsAlsoTheGid() {
        assertThat(Ownership.resolve("55", root)).isEqualTo(new Ownership(55, 55));
        assertThat(Ownership.resolve("55:7", root)).isEqualTo(new Ownership(55, 7));
        assertThat(Ownership.resolve("root", root)).isEqualTo(Ownership.ROOT);
        assertThat(Ownership.resolve("4000", root.resolve("no-such-root"))).isEqualTo(new Ownership(4000, 4000));
    }

    @Test
    void aUserNameBringsItsPrimaryGroup() {
        assertThat(Ownership.resolve("app", root)).isEqualTo(new Ownership(1000, 1001));
        assertThat(Ownership.resolve("app:staff", root)).isEqualTo(new Ownership(1000, 50));
        assertThat(Ownership.resolve("1000:staff", root)).isEqualTo(new Ownership(1000, 50));
        assertThat(Ownership.resolve("app:0", root)).isEqualTo(new Ownership(1000, 0));
    }

    @Test
    void unknownNamesAreErrorsNamingTheLine() {
        assertThatThrownBy(() -> Ownership.resolve("nobody", root)).hasMessageContaining("nobody");
        assertThatThrownBy(() -> Ownership.resolve("app:wheel", root)).hasMessageContaining("wheel");
        Instruction.Copy copy = new Instruction.Copy(
                Copies.copy("/x", "a").at(),
                false,
                List.of("a"),
                "/x",
                List.of(),
                null,
                "ghost",
                null,
                false,
                List.of(),
                false,
                null);
        assertThatThrownBy(() -> Ownership.of(copy, root))
                .isInstanceOf(DockerfileException.class)
                .hasMessageContaining("Dockerfile:7: COPY")
                .hasMessageContaining("ghost");
        assertThat(Ownership.of(Copies.copy("/x", "a"), root)).isNull();
    }

    @Test
    void thePasswdFileIsReadInsideTheRoot(@TempDir Path host) throws IOException {
        Path fake = Files.writeString(host.resolve("passwd"), "evil:x:0:0::/:/bin/sh\n");
        Files.delete(root.resolve("etc/passwd"));
        Files.createSymbolicLink(root.resolve("etc/passwd"), fake); // absolute: means <root><fake>
        assertThatThrownBy(() -> Ownership.resolve("evil", root)).hasMessageContaining("evil");
    }

    @Test
    void chmodIsOctal() {
        Instruction.Copy copy = new Instruction.Copy(
                Copies.copy("/x", "a").at(),
                false,
                List.of("a"),
                "/x",
                List.of(),
                null,
                null,
                "4755",
                false,
                List.of(),
                false,
                null);
        assertThat(CopyPlan.chmod(copy)).isEqualTo(04755);
        Instruction.Copy bad = new Instruction.Copy(
                Copies.copy("/x", "a").at(),
                false,
                List.of("a"),
                "/x",
                List.of(),
                null,
                null,
                "u+x",
                false,
                List.of(),
                false,
                null);
        assertThatThrownBy(() -> CopyPlan.chmod(bad)).hasMessageContaining("invalid --chmod=u+x");
        assertThat(CopyPlan.chmod(Copies.copy("/x", "a"))).isNull();
    }
}
