package dev.jcompose.loader;

import dev.jcompose.environment.Environment;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.ScalarKind;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.SeqNode;
import dev.jcompose.yaml.TreeText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        return new ComposeLoader(new BasicEnvironmentSource(), LoaderFixture::interpolate, () -> stdin);
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

    /** {@code ${VAR}} and {@code ${VAR:-default}} in string scalars: enough to see which env was used. */
    static Node interpolate(Node node, Environment env, java.util.function.Consumer<String> warnings) {
        return switch (node) {
            case MapNode m -> m.mapValues((k, v) -> interpolate(v, env, warnings));
            case SeqNode s -> s.withItems(s.items().stream().map(i -> interpolate(i, env, warnings)).toList());
            case ScalarNode s when s.kind() == ScalarKind.STRING && s.text().contains("${") -> s.withText(
                    substitute(s.text(), env));
            case ScalarNode s -> s;
        };
    }

    private static String substitute(String text, Environment env) {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::-([^}]*))?}").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1)).orElse(m.group(2) == null ? "" : m.group(2));
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
