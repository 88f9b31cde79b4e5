package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.console.Table;
import dev.jcompose.image.ImageReference;
import java.util.List;
import java.util.SortedMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose images}: the image each of the project's containers uses. */
@Command(name = "images", description = "List images used by the created containers.")
final class ImagesCommand extends ComposeCommand {
    @Option(names = {"-q", "--quiet"}, description = "Only display image references.")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        String project = projectName();
        SortedMap<String, String> images = withService(compose -> compose.images(project));
        if (quiet) {
            images.values().stream().distinct().sorted().forEach(out()::println);
        } else {
            Table table = Table.docker("CONTAINER", "REPOSITORY", "TAG");
            images.forEach((container, ref) -> table.row(container, repository(ref), tag(ref)));
            out().print(table.render());
        }
        out().flush();
        return ExitCode.SUCCESS;
    }

    /** {@code docker.io/library/busybox:1.36} as compose shows it: {@code busybox}. */
    static String repository(String ref) {
        try {
            return ImageReference.parse(ref).familiar().replaceFirst("[:@][^/]*$", "");
        } catch (RuntimeException e) {
            return ref;
        }
    }

    static String tag(String ref) {
        try {
            return ImageReference.parse(ref).tagOptional().orElse("<none>");
        } catch (RuntimeException e) {
            return "<none>";
        }
    }
}
