package dev.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * docker compose's global flags, given before the subcommand ({@code jcompose -f a.yaml up}). They are
 * not inherited by every subcommand, because {@code logs -f} and {@code rm -f} mean something else;
 * {@code config} also accepts them after its name ({@code jcompose config -f a.yaml}), see {@link #with}.
 */
public final class ProjectFlags {
    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "Compose configuration files (repeatable; '-' reads standard input).")
    List<String> files = new ArrayList<>();

    @Option(
            names = {"-p", "--project-name"},
            paramLabel = "NAME",
            description = "Project name.")
    String projectName;

    @Option(
            names = "--project-directory",
            paramLabel = "DIR",
            description = "Alternate working directory (default: the directory of the first compose file).")
    String projectDirectory;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Alternate environment files (repeatable).")
    List<String> envFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Profiles to enable (repeatable).")
    List<String> profiles = new ArrayList<>();

    @Option(
            names = "--compatibility",
            description = "Run compose in backward compatibility mode: containers named project_service_1.")
    boolean compatibility;

    public boolean compatibility() {
        return compatibility;
    }

    public List<String> files() {
        return List.copyOf(files);
    }

    public String projectName() {
        return projectName;
    }

    public String projectDirectory() {
        return projectDirectory;
    }

    public List<String> envFiles() {
        return List.copyOf(envFiles);
    }

    public List<String> profiles() {
        return List.copyOf(profiles);
    }

    /** These flags with {@code after}'s (given after the subcommand) on top: lists add up, scalars are replaced. */
    ProjectFlags with(ProjectFlags after) {
        ProjectFlags merged = new ProjectFlags();
        merged.files.addAll(files);
        merged.files.addAll(after.files);
        merged.projectName = after.projectName != null ? after.projectName : projectName;
        merged.projectDirectory = after.projectDirectory != null ? after.projectDirectory : projectDirectory;
        merged.envFiles.addAll(envFiles);
        merged.envFiles.addAll(after.envFiles);
        merged.profiles.addAll(profiles);
        merged.profiles.addAll(after.profiles);
        merged.compatibility = compatibility || after.compatibility;
        return merged;
    }
}
