package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.console.Table;
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
            images.forEach((container, ref) -> {
                int colon = ref.lastIndexOf(':');
                boolean tagged = colon > ref.lastIndexOf('/');
                table.row(container, tagged ? ref.substring(0, colon) : ref, tagged ? ref.substring(colon + 1) : "latest");
            });
            out().print(table.render());
        }
        out().flush();
        return ExitCode.SUCCESS;
    }
}
