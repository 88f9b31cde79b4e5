package dev.jcompose.cli;

import dev.jcompose.policy.BuildPolicy;
import picocli.CommandLine.Option;

/** {@code --build} / {@code --no-build} of up, create and run. */
final class BuildFlags {
    @Option(names = "--build", description = "Build images before starting containers.")
    boolean build;

    @Option(names = "--no-build", description = "Don't build an image, even if it's policy.")
    boolean noBuild;

    BuildPolicy policy() {
        if (build && noBuild) {
            throw Usage.error("--build and --no-build are incompatible", "use one of them");
        }
        return build ? BuildPolicy.ALWAYS : noBuild ? BuildPolicy.NEVER : BuildPolicy.MISSING;
    }
}
