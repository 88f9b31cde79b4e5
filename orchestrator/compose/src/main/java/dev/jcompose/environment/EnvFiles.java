package dev.jcompose.environment;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.yaml.ComposeFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The variables a service's {@code env_file} entries contribute, as compose-go resolves them: files
 * are read in order and later files override earlier ones; each file interpolates with its own
 * earlier variables, then the project environment; a {@code KEY}-only line takes the project's
 * value and is left out when the project has none (so it never erases an earlier file's value).
 * The caller lets the service's {@code environment:} win over the result.
 */
public final class EnvFiles {
    private EnvFiles() {}

    /** Resolves {@code refs} against the project environment {@code lookup}; warnings are dropped. */
    public static LinkedHashMap<String, String> resolve(List<EnvFileRef> refs, Environment lookup) {
        return resolve(refs, lookup, w -> {});
    }

    /** As {@link #resolve(List, Environment)}, reporting unset-variable warnings to {@code warnings}. */
    public static LinkedHashMap<String, String> resolve(
            List<EnvFileRef> refs, Environment lookup, Consumer<String> warnings) {
        LinkedHashMap<String, String> result = new LinkedHashMap<>();
        for (EnvFileRef ref : refs) {
            Path abs = ref.path().toAbsolutePath().normalize();
            if (!Files.exists(abs)) {
                if (ref.required()) {
                    throw new ComposeFileException(
                            ref.location(),
                            ref.yamlPath(),
                            "env file " + abs + " not found",
                            "create the file, or mark the entry optional with `required: false` "
                                    + "(env_file: [{path: ..., required: false}])",
                            ExitCode.FILE_NOT_FOUND);
                }
                continue;
            }
            for (Map.Entry<String, String> e : read(ref, abs, lookup, warnings).entrySet()) {
                if (e.getValue() != null) {
                    result.put(e.getKey(), e.getValue());
                }
            }
        }
        return result;
    }

    private static LinkedHashMap<String, String> read(
            EnvFileRef ref, Path abs, Environment lookup, Consumer<String> warnings) {
        String text;
        try {
            text = DotEnv.readText(abs);
        } catch (ComposeFileException e) {
            throw e;
        } catch (JcomposeException e) {
            // Unreadable, a directory, not UTF-8: say which env_file entry named it.
            throw new ComposeFileException(ref.location(), ref.yamlPath(), e.getMessage(), e.hint(), e.exitCode());
        }
        return ref.raw()
                ? RawEnvFile.parse(text, abs.toString(), lookup::get)
                : DotEnv.parse(text, abs.toString(), lookup::get, warnings);
    }
}
