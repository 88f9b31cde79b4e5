package dev.jcompose.container;

import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.host.CommandResult;
import dev.jcompose.host.CommandRunner;
import dev.jcompose.host.HostPaths;
import dev.jcompose.oci.BundleWriter;
import dev.jcompose.oci.RuntimeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the OCI runtime to use: {@code JCOMPOSE_RUNTIME} (a name or a path) if set; else the first of
 * crun, runc that actually runs a tiny container here (crun refuses hybrid cgroup hosts, which
 * {@code --version} would not reveal). The verdict is cached in {@code runRoot/runtime-probe.json},
 * keyed by the binaries' version lines.
 */
public final class RuntimeProbe {
    static final List<String> CANDIDATES = List.of("crun", "runc");
    private final CommandRunner runner;
    private final HostPaths paths;
    private final String searchPath;

    /** @param env the process environment: its {@code PATH} is where runtimes are looked up by name */
    public RuntimeProbe(CommandRunner runner, HostPaths paths, Map<String, String> env) {
        this.runner = runner;
        this.paths = paths;
        this.searchPath = env.getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    }

    /** The probe's outcome per candidate, for diagnostics and the bench. */
    public record Verdict(OciRuntime runtime, boolean works, String reason) {}

    public OciRuntime select(Map<String, String> env) {
        String forced = env.get("JCOMPOSE_RUNTIME");
        if (forced != null && !forced.isBlank()) {
            return find(forced)
                    .orElseThrow(() -> new ContainerException(
                            "JCOMPOSE_RUNTIME=" + forced + " is not an installed OCI runtime",
                            "install it, or unset JCOMPOSE_RUNTIME"));
        }
        Path cache = paths.runRoot().resolve("runtime-probe.json");
        List<OciRuntime> installed =
                CANDIDATES.stream().map(this::find).flatMap(Optional::stream).toList();
        List<String> failures = new java.util.ArrayList<>();
        try {
            if (Files.exists(cache)) {
                OciRuntime cached = StateStore.JSON.readValue(cache.toFile(), OciRuntime.class);
                if (installed.contains(cached)) {
                    return cached;
                }
            }
            for (OciRuntime r : installed) {
                Verdict v = probe(r);
                failures.add(r.name() + ": " + v.reason());
                if (v.works()) {
                    Files.createDirectories(cache.getParent());
                    StateStore.JSON.writeValue(cache.toFile(), r);
                    return r;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new ContainerException(
                "no working OCI runtime: tried " + CANDIDATES
                        + (failures.isEmpty() ? "" : " (" + String.join("; ", failures) + ")"),
                "install runc (apt-get install runc)");
    }

    /** The runtime binary by name (searched in PATH) or path, with its version line. */
    public Optional<OciRuntime> find(String nameOrPath) {
        Path p = nameOrPath.contains("/") ? Path.of(nameOrPath) : which(nameOrPath);
        if (p == null || !Files.isExecutable(p)) {
            return Optional.empty();
        }
        CommandResult r = runner.run(dev.jcompose.host.Command.of(p.toString(), "--version"));
        if (!r.ok()) {
            return Optional.empty();
        }
        String version = r.stdout().lines().findFirst().orElse("").strip();
        return Optional.of(new OciRuntime(p.getFileName().toString(), p, version));
    }

    /** Runs {@code /usr/bin/true} from the host's /usr (bind-mounted read-only) in a throwaway container. */
    public Verdict probe(OciRuntime rt) {
        String id = "jcompose-probe-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = paths.runRoot().resolve("probe").resolve(id);
        String cgroup = "/jcompose-probe/" + id;
        try {
            Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
            Files.createDirectories(rootfs.resolve("usr"));
            // crun (unlike runc) needs the rootfs to have /dev, as every image has: without it crun failed
            // this probe on every host, cgroup v2 ones included, and was never chosen
            Files.createDirectories(rootfs.resolve("dev"));
            for (String l : List.of("bin", "lib", "lib64", "sbin")) {
                Path host = Path.of("/" + l);
                if (Files.isSymbolicLink(host)) {
                    Files.createSymbolicLink(rootfs.resolve(l), Files.readSymbolicLink(host));
                }
            }
            RuntimeSpec spec = new RuntimeSpec(
                    RuntimeSpec.VERSION,
                    new RuntimeSpec.Process(
                            false,
                            new RuntimeSpec.User(0, 0, null),
                            List.of("/usr/bin/true"),
                            List.of("PATH=/usr/bin"),
                            "/",
                            null,
                            null,
                            true),
                    new RuntimeSpec.Root(rootfs.toString(), true),
                    null,
                    List.of(
                            new RuntimeSpec.Mount("/usr", "bind", "/usr", List.of("rbind", "ro")),
                            new RuntimeSpec.Mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev"))),
                    new RuntimeSpec.Linux(
                            List.of(new RuntimeSpec.Namespace("pid", null), new RuntimeSpec.Namespace("mount", null)),
                            null,
                            cgroup,
                            null,
                            null,
                            null,
                            null));
            BundleWriter.write(dir, spec);
            RuntimeCli cli = new RuntimeCli(runner, rt, dir.resolve("state"));
            CommandResult r = cli.run("run", "--bundle", dir.toString(), id);
            cli.run("delete", "--force", id);
            return new Verdict(rt, r.ok(), r.ok() ? "ok" : RuntimeCli.lastLine(r.stderr()));
        } catch (IOException e) {
            return new Verdict(rt, false, e.getMessage());
        } finally {
            CgroupLayout.detect().remove(cgroup);
            try {
                CgroupLayout.detect().remove("/jcompose-probe");
            } catch (UncheckedIOException busy) {
                // another probe runs at the same time and still uses the parent
            }
            try (var s = Files.walk(dir)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
                Files.deleteIfExists(dir.getParent());
            } catch (IOException ignored) {
                // best effort: the probe dir holds no mounts, only files; a parallel probe may share the parent
            }
        }
    }

    private Path which(String name) {
        for (String d : searchPath.split(":")) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
