package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.api.ContainerImage;
import dev.jcompose.console.ImageView;
import dev.jcompose.console.ImagesFormatter;
import dev.jcompose.image.ImageReference;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose images [SERVICE...]}: the image each of the project's containers uses. */
@Command(name = "images", description = "List images used by the created containers.")
final class ImagesCommand extends ComposeCommand {
    @Option(
            names = {"-q", "--quiet"},
            description = "Only display IDs.")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        String project = projectName();
        List<ImageView> views = withService(compose -> compose.images(project, services)).stream()
                .map(ImagesCommand::view)
                .toList();
        out().print(quiet ? ImagesFormatter.quiet(views) : ImagesFormatter.table(views));
        out().flush();
        return ExitCode.SUCCESS;
    }

    static ImageView view(ContainerImage i) {
        return new ImageView(i.container(), repository(i.reference()), tag(i.reference()), i.id(), i.size());
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
