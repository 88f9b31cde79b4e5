package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.image.ImageRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcompose image load -i FILE}: a {@code docker save} archive, an OCI layout or its tar. */
@Command(name = "load", description = "Load images from a docker save archive or an OCI image layout.")
final class ImageLoadCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ImageCommand image;

    @Option(
            names = {"-i", "--input"},
            paramLabel = "FILE",
            required = true,
            description = "Read from this archive or layout directory.")
    Path input;

    @Option(
            names = {"-q", "--quiet"},
            description = "Suppress the load output.")
    boolean quiet;

    @Override
    public Integer call() {
        Path file = image.main.host().workingDir().resolve(input);
        List<ImageRecord> loaded = image.host().hostImages().load(file);
        if (!quiet) {
            loaded.forEach(r -> image.out().println("Loaded image: " + r.name()));
            image.out().flush();
        }
        return ExitCode.SUCCESS;
    }
}
