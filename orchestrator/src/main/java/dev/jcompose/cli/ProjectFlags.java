package dev.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * docker compose's global flags. Declared on the top command with INHERIT scope, so they are accepted
 * before or after the subcommand name ({@code jcompose -f a.yaml config} and {@code jcompose config -f a.yaml}).
 */
public final class ProjectFlags {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Compose configuration files (repeatable; '-' reads standard input).")
    List<String> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Project name.")
    String projectName;

    @Option(names = "--project-directory", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Alternate working directory (default: the directory of the first compose file).")
    String projectDirectory;

    @Option(names = "--env-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Alternate environment files (repeatable).")
    List<String> envFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", scope = ScopeType.INHERIT,
            description = "Profiles to enable (repeatable).")
    List<String> profiles = new ArrayList<>();

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
}
