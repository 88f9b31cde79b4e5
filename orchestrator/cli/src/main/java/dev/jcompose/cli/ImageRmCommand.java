package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.container.ContainerHost;
import dev.jcompose.container.HostImages;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose image rm NAME...}: untags, and deletes what no other name or container needs. */
@Command(name = "rm", aliases = "remove", description = "Remove local images.")
final class ImageRmCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ImageCommand image;

    @Option(
            names = {"-f", "--force"},
            description = "Force removal of the image.")
    boolean force;

    @Parameters(paramLabel = "IMAGE", arity = "1..*")
    List<String> names;

    @Override
    public Integer call() {
        ContainerHost host = image.host();
        for (String name : names) {
            HostImages.RemovedImage removed = host.hostImages().removeImage(name, force);
            removed.untagged().forEach(n -> image.out().println("Untagged: " + n));
            removed.deletedBlobs().forEach(d -> image.out().println("Deleted: " + d));
        }
        image.out().flush();
        return ExitCode.SUCCESS;
    }
}
