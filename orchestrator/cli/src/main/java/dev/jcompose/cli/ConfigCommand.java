package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.config.ConfigRenderer;
import dev.jcompose.loader.LoadedProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcompose config}: parse, resolve and render the compose file in canonical format. */
@Command(name = "config", description = "Parse, resolve and render the compose file in canonical format.")
public final class ConfigCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProjectFlags after = new ProjectFlags();

    @Option(names = "--format", paramLabel = "yaml|json", description = "Format the output: yaml (default) or json.")
    String format = "yaml";

    @Option(names = "--services", description = "Print the service names, one per line.")
    boolean services;

    @Option(names = "--volumes", description = "Print the volume names, one per line.")
    boolean volumes;

    @Option(names = "--networks", description = "Print the network names, one per line.")
    boolean networks;

    @Option(names = "--profiles", description = "Print the profile names, one per line.")
    boolean profiles;

    @Option(names = "--images", description = "Print the image names, one per line.")
    boolean images;

    @Option(
            names = "--hash",
            paramLabel = "SERVICES",
            description = "Print the service config hash, one per line ('*' for all, or a comma-separated list).")
    String hash;

    @Option(
            names = {"-q", "--quiet"},
            description = "Only validate the configuration, don't print anything.")
    boolean quiet;

    @Option(names = "--no-interpolate", description = "Don't interpolate environment variables.")
    boolean noInterpolate;

    @Option(names = "--resolve-image-digests", description = "Pin image tags to digests (not supported yet).")
    boolean resolveImageDigests;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Save to file (default to stdout).")
    Path output;

    @CommandLine.Parameters(
            paramLabel = "SERVICE",
            arity = "0..*",
            description = "Restrict to these services (and their dependencies).")
    List<String> targets = List.of();

    @Override
    public Integer call() {
        if (resolveImageDigests) {
            throw new JcomposeException(
                    "config --resolve-image-digests is not supported yet",
                    "drop the flag; image digests are pinned at pull time",
                    ExitCode.COMMAND_SYNTAX);
        }
        ConfigRenderer.Format fmt = switch (format) {
            case "yaml" -> ConfigRenderer.Format.YAML;
            case "json" -> ConfigRenderer.Format.JSON;
            default ->
                throw new JcomposeException(
                        "unsupported format \"" + format + "\"",
                        "use --format yaml or --format json",
                        ExitCode.COMMAND_SYNTAX);
        };
        // docker compose lists services, volumes, networks, profiles and images without reading the
        // services' env files, so a missing one does not stop them.
        boolean listing = services || volumes || networks || profiles || images;
        LoadedProject loaded = main.loadProject(after, !noInterpolate, loadTargets(), !listing);
        if (quiet) {
            return ExitCode.SUCCESS;
        }
        ConfigRenderer renderer = new ConfigRenderer(!noInterpolate);
        String text = render(loaded, renderer, fmt);
        write(text);
        return ExitCode.SUCCESS;
    }

    private String render(LoadedProject loaded, ConfigRenderer renderer, ConfigRenderer.Format fmt) {
        List<String> lines;
        if (services) {
            lines = renderer.services(loaded.project());
        } else if (volumes) {
            lines = renderer.volumes(loaded.project());
        } else if (networks) {
            lines = renderer.networks(loaded.project());
        } else if (profiles) {
            lines = loaded.raw().declaredProfiles();
        } else if (images) {
            lines = renderer.images(loaded.project());
        } else if (hash != null) {
            lines = renderer.hashes(loaded.project(), hash);
        } else {
            String doc = renderer.render(loaded.project(), fmt);
            return doc.endsWith("\n") ? doc : doc + "\n";
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private void write(String text) {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot write " + output + ": " + e.getMessage(),
                    "check that the directory exists and is writable",
                    ExitCode.FAILURE,
                    e);
        }
    }

    /**
     * The services whose env files are read: those named, or with {@code --hash a,b} those hashed, so
     * hashing a service does not need another's env file (docker compose's TestUnusedMissingEnvFile).
     */
    private List<String> loadTargets() {
        if (!targets.isEmpty() || hash == null || hash.strip().equals("*")) {
            return targets;
        }
        return java.util.Arrays.stream(hash.split(","))
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .toList();
    }
}
