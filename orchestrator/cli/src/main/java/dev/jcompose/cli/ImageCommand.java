package dev.jcompose.cli;

import dev.jcompose.container.ContainerHost;
import dev.jcompose.host.HostAccess;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jcompose image load|import|ls|rm}: the local image store, for offline use. These run in the
 * CLI process on the store's files (the runtime's locks keep them safe next to a running engine).
 */
@Command(
        name = "image",
        description = "Manage local images: load, import, ls, rm.",
        subcommands = {
            ImageLoadCommand.class,
            ImageImportCommand.class,
            ImageLsCommand.class,
            ImageRmCommand.class,
            ImagePruneCommand.class
        })
final class ImageCommand implements Runnable {
    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    ContainerHost host() {
        HostAccess machine = main.machine();
        return new ContainerHost(
                machine.paths(),
                machine.runner(),
                machine.clock(),
                ContainerHost.Settings.defaults(machine.environment()));
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
