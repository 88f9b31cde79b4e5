package dev.jcompose.kube.convert;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@link ProjectFiles} on the local file system. */
public final class LocalProjectFiles implements ProjectFiles {
    @Override
    public Entry probe(String path) {
        Path p = Path.of(path);
        try {
            if (Files.isDirectory(p)) {
                return new Directory();
            }
            if (Files.isRegularFile(p)) {
                return new RegularFile(Files.readAllBytes(p));
            }
            return new Missing();
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot read " + path + ": " + e.getMessage(),
                    "check that the file is readable",
                    ExitCode.FAILURE,
                    e);
        }
    }
}
