package dev.jcompose.dockerfile;

import java.util.List;

/**
 * A parsed Dockerfile.
 *
 * @param globalArgs the ARGs before the first FROM (usable in FROM lines, and in a stage that declares them again)
 * @param stages     the stages in file order; at least one
 * @param notes      what the parser noticed but did not refuse (e.g. a {@code # syntax} directive it ignores),
 *                   each with its line, for the build's output
 */
public record Dockerfile(List<Instruction.Arg> globalArgs, List<Stage> stages, List<String> notes) {
    public Dockerfile {
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
        notes = List.copyOf(notes);
    }
}
