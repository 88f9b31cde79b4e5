package dev.jcompose.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jcompose image prune}: removes what no image and no container needs: the build cache, then
 * unreferenced layers and snapshots (jcompose keeps no dangling images: a rebuilt name replaces the old).
 */
@Command(name = "prune", description = "Remove the build cache and unused layers.")
final class ImagePruneCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ImageCommand image;

    @Option(
            names = {"-f", "--force"},
            description = "Do not prompt for confirmation (jcompose never prompts).")
    boolean force;

    @Override
    public Integer call() {
        return BuilderCommand.prune(image.main.machine(), image.out());
    }
}
