package dev.jcompose.dockerfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One instruction's arguments to its record, as BuildKit reads them: flags checked, JSON or shell form,
 * key=value words. Values Docker substitutes are kept as written (in backslash-escape form) for
 * {@link Instruction#expanded} to substitute once the build knows the variables.
 */
final class InstructionParser {
    static final Set<String> KEYWORDS = Set.of(
            "ADD",
            "ARG",
            "CMD",
            "COPY",
            "ENTRYPOINT",
            "ENV",
            "EXPOSE",
            "FROM",
            "HEALTHCHECK",
            "LABEL",
            "MAINTAINER",
            "ONBUILD",
            "RUN",
            "SHELL",
            "STOPSIGNAL",
            "USER",
            "VOLUME",
            "WORKDIR");
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** What the parser hands over for one instruction. */
    record Raw(SourceLine at, LineSplitter.Split split, char escape, List<Heredoc> heredocs) {
        String rest() {
            return split.rest();
        }

        /** A word Docker substitutes later, in the escape form {@link Words} reads. */
        String word(String w) {
            return Words.toBackslashEscape(w, escape);
        }

        List<String> words(List<String> ws) {
            return ws.stream().map(this::word).toList();
        }

        Flags flags(Set<String> strings, Set<String> repeated, Set<String> booleans) {
            return Flags.parse(at, split.flags(), strings, repeated, booleans);
        }

        void noFlags() {
            flags(Set.of(), Set.of(), Set.of());
        }

        DockerfileException fail(String problem, String hint) {
            return new DockerfileException(at, problem, hint);
        }
    }

    private InstructionParser() {}

    static Instruction parse(Raw raw) {
        return switch (raw.at().keyword()) {
            case "FROM" -> from(raw);
            case "RUN" -> RunParser.run(raw);
            case "CMD" -> new Instruction.Cmd(raw.at(), command(raw, false));
            case "ENTRYPOINT" -> new Instruction.Entrypoint(raw.at(), command(raw, true));
            case "ENV" -> new Instruction.Env(raw.at(), PairParser.pairs(raw, "ENV"));
            case "LABEL" -> new Instruction.Label(raw.at(), PairParser.pairs(raw, "LABEL"));
            case "ARG" -> new Instruction.Arg(raw.at(), PairParser.args(raw));
            case "MAINTAINER" -> new Instruction.Maintainer(raw.at(), single(raw, false));
            case "EXPOSE" ->
                new Instruction.Expose(raw.at(), raw.words(atLeastOne(raw, LineSplitter.blankWords(raw.rest()))));
            case "WORKDIR" -> new Instruction.Workdir(raw.at(), single(raw, true));
            case "USER" -> new Instruction.User(raw.at(), single(raw, true));
            case "STOPSIGNAL" -> new Instruction.StopSignal(raw.at(), single(raw, true));
            case "VOLUME" -> volume(raw);
            case "SHELL" -> shell(raw);
            case "HEALTHCHECK" -> HealthcheckParser.healthcheck(raw);
            case "ONBUILD" -> onbuild(raw);
            case "COPY", "ADD" -> CopyParser.copy(raw);
            default ->
                throw new IllegalStateException(
                        "not an instruction: " + raw.at().keyword());
        };
    }

    private static Instruction.From from(Raw raw) {
        Flags flags = raw.flags(Set.of("platform"), Set.of(), Set.of());
        List<String> args = LineSplitter.blankWords(raw.rest());
        String name = null;
        if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
            name = args.get(2).toLowerCase(Locale.ROOT);
            if (!STAGE_NAME.matcher(name).matches()) {
                throw raw.fail(
                        "invalid name for build stage: \"" + args.get(2)
                                + "\", name can't start with a number or contain symbols",
                        "a stage name is a letter followed by letters, digits, '-', '_' or '.'");
            }
        } else if (args.size() != 1) {
            throw raw.fail("FROM requires either one or three arguments", "write FROM image [AS name]");
        }
        return new Instruction.From(raw.at(), raw.word(args.get(0)), name, raw.word(flags.string("platform")));
    }

    /** The exec form's strings when the arguments are a JSON array of strings, else null (shell form). */
    static List<String> jsonArray(Raw raw) {
        JsonNode array = arrayNode(raw.rest());
        if (array == null) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                throw raw.fail(
                        "when using JSON array syntax, arrays must be comprised of strings only",
                        "quote every element, e.g. [\"sleep\", \"10\"]");
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    /** Whether the arguments are in JSON form (heredocs are only looked for in the shell form). */
    static boolean isJsonForm(String rest) {
        return arrayNode(rest) != null;
    }

    private static JsonNode arrayNode(String rest) {
        String text = rest.stripLeading();
        if (!text.startsWith("[")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node.isArray() ? node : null;
        } catch (JsonProcessingException e) {
            return null; // Docker runs what is not valid JSON as a shell command line
        }
    }

    /** CMD/ENTRYPOINT/RUN: exec form from a JSON array, else the line for the stage's SHELL. */
    static InstructionCommand command(Raw raw, boolean allowEmptyExec) {
        raw.noFlags();
        List<String> exec = jsonArray(raw);
        if (exec != null) {
            if (exec.isEmpty() && !allowEmptyExec) {
                throw raw.fail(raw.at().keyword() + " requires at least one argument", "give the command to run");
            }
            return new InstructionCommand(exec, false);
        }
        if (raw.rest().isEmpty()) {
            throw raw.fail(raw.at().keyword() + " requires at least one argument", "give the command to run");
        }
        return new InstructionCommand(List.of(raw.rest()), true);
    }

    private static String single(Raw raw, boolean substituted) {
        raw.noFlags();
        if (raw.rest().isEmpty()) {
            throw raw.fail(raw.at().keyword() + " requires exactly one argument", null);
        }
        return substituted ? raw.word(raw.rest()) : raw.rest();
    }

    static List<String> atLeastOne(Raw raw, List<String> args) {
        raw.noFlags();
        if (args.isEmpty()) {
            throw raw.fail(raw.at().keyword() + " requires at least one argument", null);
        }
        return args;
    }

    private static Instruction.Volume volume(Raw raw) {
        List<String> json = jsonArray(raw);
        List<String> paths = json != null ? json : LineSplitter.blankWords(raw.rest());
        for (String path : atLeastOne(raw, paths)) {
            if (path.isBlank()) {
                throw raw.fail("VOLUME specified can not be an empty string", "give the path of the volume");
            }
        }
        return new Instruction.Volume(raw.at(), json != null ? paths : raw.words(paths));
    }

    private static Instruction.Shell shell(Raw raw) {
        raw.noFlags();
        List<String> json = jsonArray(raw);
        if (json == null) {
            throw raw.fail(
                    "SHELL requires the arguments to be in JSON form",
                    "write SHELL [\"executable\", \"parameters\"], e.g. SHELL [\"/bin/sh\", \"-c\"]");
        }
        if (json.isEmpty()) {
            throw raw.fail("SHELL requires at least one argument", "e.g. SHELL [\"/bin/sh\", \"-c\"]");
        }
        return new Instruction.Shell(raw.at(), json);
    }

    private static Instruction.Onbuild onbuild(Raw raw) {
        raw.noFlags();
        if (raw.rest().isEmpty()) {
            throw raw.fail("ONBUILD requires at least one argument", "write ONBUILD INSTRUCTION arguments");
        }
        String trigger = LineSplitter.split(raw.rest(), raw.escape()).keyword().toUpperCase(Locale.ROOT);
        switch (trigger) {
            case "ONBUILD" -> throw raw.fail("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", null);
            case "MAINTAINER", "FROM" -> throw raw.fail(trigger + " isn't allowed as an ONBUILD trigger", null);
            default -> {
                if (!KEYWORDS.contains(trigger)) {
                    throw raw.fail("unknown instruction in ONBUILD trigger: " + trigger, Keywords.suggestion(trigger));
                }
            }
        }
        // like BuildKit, the trigger keeps its heredoc bodies so it replays as written
        var text = new StringBuilder(raw.rest());
        for (Heredoc heredoc : raw.heredocs()) {
            text.append('\n').append(heredoc.content()).append(heredoc.name());
        }
        return new Instruction.Onbuild(raw.at(), text.toString());
    }
}
