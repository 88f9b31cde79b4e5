package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.console.ImagesFormatter;
import dev.jcompose.console.Table;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageReference;
import dev.jcompose.quantity.HumanSize;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcompose image ls}: the stored images, by name. */
@Command(name = "ls", aliases = "list", description = "List local images.")
final class ImageLsCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ImageCommand image;

    @Option(
            names = {"-q", "--quiet"},
            description = "Only show image IDs.")
    boolean quiet;

    @Override
    public Integer call() {
        List<ImageRecord> images = image.host().hostImages().list();
        image.out().print(quiet ? quiet(images) : table(images));
        image.out().flush();
        return ExitCode.SUCCESS;
    }

    static String quiet(List<ImageRecord> images) {
        StringBuilder b = new StringBuilder();
        images.stream()
                .map(r -> ImagesFormatter.shortId(r.id().toString()))
                .distinct()
                .forEach(id -> b.append(id).append('\n'));
        return b.toString();
    }

    static String table(List<ImageRecord> images) {
        Table table = Table.docker("REPOSITORY", "TAG", "IMAGE ID", "SIZE");
        for (ImageRecord r : images) {
            String repository = r.name();
            String tag = "<none>";
            if (!r.name().startsWith("sha256:")) {
                ImageReference ref = ImageReference.parse(r.name());
                repository = ref.familiar().replaceFirst("[:@][^/]*$", "");
                tag = ref.tagOptional().orElse("<none>");
            }
            table.row(repository, tag, ImagesFormatter.shortId(r.id().toString()), HumanSize.format(r.size()));
        }
        return table.render();
    }
}
