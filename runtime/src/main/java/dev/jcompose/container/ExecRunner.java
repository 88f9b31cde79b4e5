package dev.jcompose.container;

import dev.jcompose.host.CommandResult;
import dev.jcompose.oci.BundleWriter;
import dev.jcompose.oci.RuntimeSpec;
import dev.jcompose.oci.UserResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code runc exec --process process.json}: the container's own process settings (capabilities,
 * rlimits, no_new_privileges, env) with the request's args, extra env, user and working dir.
 */
final class ExecRunner {
    private final RuntimeCli cli;
    private final ContainerDirs dirs;

    ExecRunner(RuntimeCli cli, ContainerDirs dirs) {
        this.cli = cli;
        this.dirs = dirs;
    }

    ExecResult exec(ContainerRecord rec, ExecRequest req) {
        RuntimeSpec spec = readSpec(dirs);
        RuntimeSpec.Process base = spec.process();
        RuntimeSpec.User user = req.user() == null ? base.user()
                : UserResolver.of(Path.of(spec.root().path())).resolve(req.user(), List.of());
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : base.env()) {
            int eq = kv.indexOf('=');
            env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        env.putAll(req.env());
        RuntimeSpec.Process p = new RuntimeSpec.Process(false, user, req.args(),
                env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
                req.workingDir() != null ? req.workingDir() : base.cwd(), base.capabilities(), base.rlimits(),
                base.noNewPrivileges());
        Path file = null;
        try {
            file = Files.createTempFile(dirs.state(), "exec-", ".json");
            Files.writeString(file, BundleWriter.toJson(p));
            CommandResult r = cli.run("exec", "--process", file.toString(), rec.id());
            return new ExecResult(r.exitCode(), r.stdout(), r.stderr());
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

    static RuntimeSpec readSpec(ContainerDirs dirs) {
        try {
            return BundleWriter.JSON.readValue(dirs.bundle().resolve("config.json").toFile(), RuntimeSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle of " + dirs.state() + ": " + e.getMessage(), e);
        }
    }
}
