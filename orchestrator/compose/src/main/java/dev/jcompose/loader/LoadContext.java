package dev.jcompose.loader;

import dev.jcompose.environment.Environment;
import java.nio.file.Path;
import java.util.List;

/**
 * What loading one (sub-)project needs: the directory relative paths of its files refer to (the
 * project directory; for an included project its own), the environment its files are interpolated
 * with, and the files that included it (to detect include cycles).
 */
record LoadContext(Path workingDir, Environment environment, List<String> includeChain) {
    LoadContext {
        includeChain = List.copyOf(includeChain);
    }
}
