package dev.jcompose.environment;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Parser for {@code .env} and {@code env_file} files, with compose-go's syntax (see
 * {@link DotEnvParser}). Errors are {@link dev.jcompose.yaml.ComposeFileException}s at
 * {@code file:line:column}.
 */
public final class DotEnv {
    /** Env files are small; a bigger one is a mistake (or an attack) and is refused. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private static final Consumer<String> IGNORE = w -> {};

    /**
     * Parses {@code text}; {@code file} names it in errors. Values may interpolate variables defined
     * earlier in the file or in {@code lookup}. A {@code KEY} line without '=' takes its value from
     * {@code lookup}, or maps to {@code null} (unset) when lookup lacks it. Order is kept.
     * Warnings about unset variables are dropped; use the overload taking a consumer to see them.
     */
    public static LinkedHashMap<String, String> parse(String text, String file, Environment lookup) {
        return parse(text, file, lookup::get, IGNORE);
    }

    /** As {@link #parse(String, String, Environment)}, with any lookup and warnings reported. */
    public static LinkedHashMap<String, String> parse(
            String text, String file, Function<String, Optional<String>> lookup, Consumer<String> warnings) {
        return new DotEnvParser(text, file, lookup, warnings).parse();
    }

    /** Reads and parses a file; a missing file is a {@link dev.jcompose.JcomposeException} naming it. */
    public static LinkedHashMap<String, String> read(Path file, Environment lookup) {
        return read(file, lookup::get, IGNORE);
    }

    /** As {@link #read(Path, Environment)}, with any lookup and warnings reported. */
    public static LinkedHashMap<String, String> read(
            Path file, Function<String, Optional<String>> lookup, Consumer<String> warnings) {
        return parse(readText(file), file.toString(), lookup, warnings);
    }

    /** The UTF-8 text of an env file, with errors that name it. */
    static String readText(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new JcomposeException(
                    abs + " is a directory, not an env file",
                    "pass the path of a file of KEY=VALUE lines",
                    ExitCode.FAILURE);
        }
        try {
            byte[] bytes;
            // Bounded read: also safe for pipes such as --env-file <(...) or /dev/stdin.
            try (InputStream in = Files.newInputStream(abs)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new JcomposeException(
                        "env file " + abs + " is larger than " + MAX_BYTES + " bytes",
                        "an env file holds KEY=VALUE lines; check the path",
                        ExitCode.FAILURE);
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new JcomposeException(
                    "env file " + abs + " not found", "create it or fix the path", ExitCode.FILE_NOT_FOUND);
        } catch (CharacterCodingException e) {
            throw new JcomposeException(
                    "env file " + abs + " is not valid UTF-8", "save it as UTF-8", ExitCode.FAILURE);
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot read env file " + abs + ": " + e.getMessage(),
                    "check the file's permissions",
                    ExitCode.FAILURE,
                    e);
        }
    }

    private DotEnv() {}
}
