package dev.jcompose.loader;

import dev.jcompose.environment.Environment;
import dev.jcompose.environment.ProjectName;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.YamlPath;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Applies {@link ProjectName}'s precedence to a merged tree, so that an invalid top-level
 * {@code name:} is reported at its file:line:col like any other compose-file error.
 */
final class ProjectNames {
    private ProjectNames() {}

    /**
     * The name as compose-go knows it before loading the files (it then exposes it to their
     * interpolation as {@code COMPOSE_PROJECT_NAME}): the flag, the environment, the last
     * {@code name:} of the files (interpolated alone and normalised), or the directory.
     */
    static String beforeLoading(String flag, Environment env, ComposeFiles files, ComposeFileReader reader) {
        Optional<String> fromFiles = Optional.empty();
        boolean needed = (flag == null || flag.isEmpty())
                && env.get(dev.jcompose.environment.ProjectEnvironment.COMPOSE_PROJECT_NAME)
                        .filter(s -> !s.isEmpty())
                        .isEmpty();
        for (ConfigFile file : needed ? files.files() : java.util.List.<ConfigFile>of()) {
            Optional<String> name =
                    reader.name(file, env).map(ProjectName::normalize).filter(s -> !s.isEmpty());
            fromFiles = name.isPresent() ? name : fromFiles;
        }
        return ProjectName.resolve(Optional.ofNullable(flag), env, fromFiles, files.projectDirectory())
                .value();
    }

    static String of(String flag, Environment env, MapNode model, Path projectDirectory) {
        Optional<String> fromFlag = Optional.ofNullable(flag).filter(s -> !s.isEmpty());
        Optional<ScalarNode> nameNode = model.get("name")
                .filter(n -> n instanceof ScalarNode s && !s.isNull())
                .map(ScalarNode.class::cast);
        boolean fileDecides = fromFlag.isEmpty()
                && env.get(dev.jcompose.environment.ProjectEnvironment.COMPOSE_PROJECT_NAME)
                        .filter(s -> !s.isEmpty())
                        .isEmpty();
        if (fileDecides
                && nameNode.isPresent()
                && !nameNode.get().text().isEmpty()
                && !ProjectName.isValid(nameNode.get().text())) {
            Node n = nameNode.get();
            String text = nameNode.get().text();
            throw ComposeFileException.at(
                    n,
                    YamlPath.of("name"),
                    ProjectName.invalidMessage(text),
                    ProjectName.hintFor(text, ProjectName.Source.COMPOSE_FILE));
        }
        return ProjectName.resolve(fromFlag, env, nameNode.map(ScalarNode::text), projectDirectory)
                .value();
    }
}
