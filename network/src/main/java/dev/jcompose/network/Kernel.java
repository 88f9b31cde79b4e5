package dev.jcompose.network;

import dev.jcompose.host.Command;
import dev.jcompose.host.CommandResult;
import dev.jcompose.host.CommandRunner;
import dev.jcompose.nat.Chains;
import dev.jcompose.nat.Iptables;
import dev.jcompose.nat.NatPlanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The small applier between plans and the kernel; every removal tolerates "already gone". */
final class Kernel {
    private final CommandRunner runner;
    private final Iptables iptables;
    private final NatPlanner planner;

    Kernel(CommandRunner runner, Chains chains) {
        this.runner = runner;
        this.iptables = new Iptables(runner, chains);
        this.planner = new NatPlanner(chains);
    }

    CommandResult run(Command c) {
        return runner.run(c).orThrow();
    }

    void hostBatch(String script) {
        if (!script.isEmpty()) {
            run(Command.of("ip", "-batch", "-").withStdin(script));
        }
    }

    void netnsBatch(Path netns, String script) {
        run(Command.of("nsenter", "--net=" + netns, "ip", "-batch", "-").withStdin(script));
    }

    /** A new network namespace kept alive by a bind mount on {@code file} (via unshare). */
    void createNetns(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(Command.of("unshare", "--net=" + file, "true"));
    }

    /** Unmounts (possibly several stacked mounts) and deletes the namespace file. */
    void removeNetns(Path file) {
        // A crashed retry may have stacked a second mount on the same file: unmount each one.
        for (long n = mountsOn(file); n > 0; n--) {
            runner.run(Command.of("umount", file.toString()));
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long mountsOn(Path file) {
        try {
            String target = file.toAbsolutePath().toString();
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .filter(l -> l.split(" ")[4].equals(target))
                    .count();
        } catch (IOException e) {
            return 1;
        }
    }

    void deleteLink(String name) {
        CommandResult r = runner.run(Command.of("ip", "link", "del", name));
        if (!r.ok() && !r.stderr().contains("Cannot find device")) {
            r.orThrow();
        }
    }

    boolean linkExists(String name) {
        return runner.run(Command.of("ip", "link", "show", "dev", name)).ok();
    }

    /** Rebuilds our chains from the state; removes chains and hooks when no network is left. */
    void applyRules(NetworkState s) {
        if (s.networks().isEmpty()) {
            iptables.removeAll();
            return;
        }
        iptables.apply(planner.plan(
                s.networks().values().stream().map(NetworkRecord::nat).toList(),
                s.endpoints().values().stream().flatMap(e -> e.ports().stream()).toList()));
    }
}
