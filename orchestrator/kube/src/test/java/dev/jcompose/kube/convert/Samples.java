package dev.jcompose.kube.convert;

import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.LoadedProject;
import dev.jcompose.loader.ProjectLoader;
import dev.jcompose.model.FileObjectValues;
import dev.jcompose.model.Project;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;

/** The compose samples of the repository, loaded as the CLI loads them. */
final class Samples {
    static final Path ROOT = Path.of("../../compose-samples").toAbsolutePath().normalize();

    private Samples() {}

    static Path dir(String sample) {
        return ROOT.resolve(sample);
    }

    static Project load(String sample) {
        Path dir = dir(sample);
        LoadedProject loaded = ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                .load(LoadOptions.in(dir).withFiles("compose.yaml"));
        return FileObjectValues.resolve(loaded.project(), loaded.raw().environment());
    }

    static Conversion convert(String sample, ConvertOptions options) {
        return new ProjectConverter(options, new LocalProjectFiles()).convert(load(sample));
    }
}
