package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.build.BuildCache;
import dev.jcompose.container.ContainerHost;
import dev.jcompose.container.HostImages;
import dev.jcompose.host.HostAccess;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jcompose builder prune}: empties the build cache (step entries and RUN cache mounts) and
 * removes the layers and snapshots only the cache held. Runs in the CLI process on the store's files,
 * like {@code image}'s commands.
 */
@Command(
        name = "builder",
        description = "Manage the build cache.",
        subcommands = {BuilderCommand.Prune.class})
final class BuilderCommand implements Runnable {
    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prunes the cache; prints what it freed, as {@code docker builder prune} does. */
    static int prune(HostAccess machine, PrintWriter out) {
        HostImages images = new ContainerHost(
                        machine.paths(),
                        machine.runner(),
                        machine.clock(),
                        ContainerHost.Settings.defaults(machine.environment()))
                .hostImages();
        BuildCache.Pruned pruned = new BuildCache(machine.paths(), images.store()).prune();
        int snapshots = images.pruneSnapshots().size();
        out.println("Deleted build cache entries: " + pruned.entries() + ", layers: "
                + pruned.blobs().size() + ", snapshots: " + snapshots);
        out.println("Total reclaimed space: " + human(pruned.bytes()));
        out.flush();
        return ExitCode.SUCCESS;
    }

    private static String human(long bytes) {
        return bytes < 1024 * 1024 ? bytes / 1024 + "kB" : String.format("%.1fMB", bytes / (1024.0 * 1024));
    }

    @Command(name = "prune", description = "Remove build cache.")
    static final class Prune implements Callable<Integer> {
        @CommandLine.ParentCommand
        BuilderCommand builder;

        @Option(
                names = {"-f", "--force"},
                description = "Do not prompt for confirmation (jcompose never prompts).")
        boolean force;

        @Option(
                names = {"-a", "--all"},
                description = "Remove all build cache (the same as without: jcompose keeps no other).")
        boolean all;

        @Override
        public Integer call() {
            return prune(builder.main.machine(), builder.spec.commandLine().getOut());
        }
    }
}
