package dev.jcompose.container;

import dev.jcompose.host.CommandResult;
import dev.jcompose.oci.BundleWriter;
import dev.jcompose.oci.RuntimeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code runc exec --process process.json} inside the engine, output collected: the Java fixture
 * API's exec ({@link ExecProcess} builds the process). The CLI runs an {@link ExecRecipe} itself instead.
 */
final class ExecRunner {
    private final RuntimeCli cli;
    private final ContainerDirs dirs;

    ExecRunner(RuntimeCli cli, ContainerDirs dirs) {
        this.cli = cli;
        this.dirs = dirs;
    }

    ExecOutput exec(ContainerRecord rec, ExecRequest req) {
        RuntimeSpec.Process p = ExecProcess.of(readSpec(dirs), req, false);
        Path file = null;
        try {
            file = Files.createTempFile(dirs.state(), "exec-", ".json");
            Files.writeString(file, BundleWriter.toJson(p));
            CommandResult r = cli.run("exec", "--process", file.toString(), rec.id());
            return new ExecOutput(r.exitCode(), r.stdout(), r.stderr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a stale exec file is removed with the container
                }
            }
        }
    }

    /** What the CLI needs to run the exec itself (see {@link ExecRecipe}). */
    ExecRecipe recipe(ContainerRecord rec, ExecRequest req, boolean tty, boolean detach) {
        RuntimeSpec.Process p = ExecProcess.of(readSpec(dirs), req, tty && !detach);
        return new ExecRecipe(
                cli.runtime().path().toString(),
                cli.root().toString(),
                rec.id(),
                rec.name(),
                BundleWriter.toJson(p),
                dirs.state().toString(),
                tty && !detach,
                detach);
    }

    static RuntimeSpec readSpec(ContainerDirs dirs) {
        try {
            return BundleWriter.JSON.readValue(
                    dirs.bundle().resolve("config.json").toFile(), RuntimeSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle of " + dirs.state() + ": " + e.getMessage(), e);
        }
    }
}
