package dev.jcompose.loader;

import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.TreeText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Temp-dir compose projects for loader tests, with a small stand-in for interpolation. */
final class LoaderFixture {
    final Path root;
    final List<String> warnings = new ArrayList<>();
    String stdin = "";

    LoaderFixture(Path root) {
        this.root = root;
    }

    Path write(String relative, String text) {
        Path p = root.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    String abs(String relative) {
        return root.resolve(relative).normalize().toString();
    }

    ComposeLoader loader() {
        return new ComposeLoader(
                new DotEnvEnvironmentSource(root, warnings::add), DocumentInterpolation.standard(), () -> stdin);
    }

    LoadOptions options() {
        return LoadOptions.in(root).withWarnings(warnings::add);
    }

    RawProject load(LoadOptions options) {
        return loader().load(options);
    }

    /** The merged model rendered, with the temp root shown as {@code $ROOT}. */
    String render(RawProject project) {
        return render(project.model());
    }

    String render(Node node) {
        return TreeText.render(node).replace(root.toString(), "$ROOT");
    }
}
