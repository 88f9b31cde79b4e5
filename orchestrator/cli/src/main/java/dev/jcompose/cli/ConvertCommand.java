package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.kube.convert.Conversion;
import dev.jcompose.kube.convert.LocalProjectFiles;
import dev.jcompose.kube.convert.ProjectConverter;
import dev.jcompose.kube.manifest.ManifestWriter;
import dev.jcompose.model.Project;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jcompose convert --to k8s}: the project as Kubernetes manifests. */
@Command(name = "convert", description = "Convert the project to Kubernetes manifests.")
final class ConvertCommand extends ComposeCommand {
    @Option(names = "--to", required = true, paramLabel = "k8s", description = "The target platform: k8s.")
    String to;

    @ArgGroup(exclusive = true)
    Output output = new Output();

    static final class Output {
        @Option(
                names = {"-o", "--output"},
                paramLabel = "DIR",
                description = "Write one file per object into DIR (created if missing).")
        Path dir;

        @Option(names = "--stdout", description = "Write all objects to standard output (the default).")
        boolean stdout;
    }

    @Mixin
    KubeFlags kube = new KubeFlags();

    @Override
    public Integer call() {
        if (!to.equals("k8s") && !to.equals("kubernetes")) {
            throw Usage.error("unsupported target \"" + to + "\"", "use --to k8s");
        }
        Conversion c = convert(this, load(List.of()).project(), kube, true);
        ManifestWriter writer = new ManifestWriter();
        if (output.dir == null) {
            out().print(writer.write(c.objects()));
            out().flush();
        } else {
            write(output.dir, c.objects(), writer);
        }
        return ExitCode.SUCCESS;
    }

    /** {@code project} converted; the warnings go to {@code command}'s stderr. */
    static Conversion convert(ComposeCommand command, Project project, KubeFlags kube, boolean withNamespace) {
        Conversion c = new ProjectConverter(kube.options(withNamespace), new LocalProjectFiles()).convert(project);
        c.warnings().forEach(w -> command.err().println("WARN " + w));
        command.err().flush();
        return c;
    }

    private void write(Path dir, List<HasMetadata> objects, ManifestWriter writer) {
        Path target = main.host().workingDir().resolve(dir);
        try {
            Files.createDirectories(target);
            for (HasMetadata o : objects) {
                String file = o.getMetadata().getName() + "-" + o.getKind().toLowerCase(Locale.ROOT) + ".yaml";
                Files.writeString(target.resolve(file), writer.write(o), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot write the manifests to " + target + ": " + e.getMessage(),
                    "choose a writable directory with -o",
                    ExitCode.FAILURE,
                    e);
        }
        err().println("Wrote " + objects.size() + " objects to " + target);
    }
}
