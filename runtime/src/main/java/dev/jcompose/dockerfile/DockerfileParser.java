package dev.jcompose.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dockerfile text to a {@link Dockerfile}, with Docker/BuildKit's reading rules: directives, comments,
 * continuations, JSON and shell forms, heredocs, flags, stages. Pure: it reads no file.
 */
public final class DockerfileParser {
    private static final Set<String> HEREDOC_KEYWORDS = Set.of("RUN", "COPY", "ADD");

    private final String file;
    private final LineReader reader;
    private final List<Instruction.Arg> globalArgs = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final Map<String, Integer> stageLines = new HashMap<>();
    private Instruction.From from;
    private List<Instruction> instructions;

    private DockerfileParser(String text, String file) {
        this.file = file;
        this.reader = new LineReader(text, file);
    }

    /**
     * Parses {@code text}; {@code fileName} is what errors and {@link SourceLine}s name.
     *
     * @throws DockerfileException with the file, line and instruction of the first problem
     */
    public static Dockerfile parse(String text, String fileName) {
        return new DockerfileParser(text, fileName).parse();
    }

    private Dockerfile parse() {
        boolean any = false;
        for (var line = reader.nextLogical(); line != null; line = reader.nextLogical()) {
            any = true;
            add(instruction(line));
        }
        if (!any) {
            throw new DockerfileException(
                    file + ": file with no instructions",
                    "a Dockerfile needs at least a FROM line, e.g. FROM debian:bookworm");
        }
        endStage();
        if (stages.isEmpty()) {
            throw new DockerfileException(
                    file + ": dockerfile contains no stages to build", "add a FROM line after the global ARGs");
        }
        return new Dockerfile(globalArgs, stages, reader.notes());
    }

    private Instruction instruction(LineReader.Logical line) {
        LineSplitter.Split split = LineSplitter.split(line.text(), reader.escape());
        String keyword = split.keyword().toUpperCase(Locale.ROOT);
        var at = new SourceLine(file, line.line(), keyword, line.text().strip());
        if (!InstructionParser.KEYWORDS.contains(keyword)) {
            throw new DockerfileException(at, "unknown instruction: " + split.keyword(), Keywords.suggestion(keyword));
        }
        var raw = new InstructionParser.Raw(at, split, reader.escape(), heredocs(at, split));
        return InstructionParser.parse(raw);
    }

    /** Reads the bodies of the heredocs a RUN/COPY/ADD (or an ONBUILD of one) opens, in order. */
    private List<Heredoc> heredocs(SourceLine at, LineSplitter.Split split) {
        String keyword = at.keyword();
        String rest = split.rest();
        if (keyword.equals("ONBUILD")) {
            LineSplitter.Split trigger = LineSplitter.split(rest, reader.escape());
            keyword = trigger.keyword().toUpperCase(Locale.ROOT);
            rest = trigger.rest();
        }
        if (!HEREDOC_KEYWORDS.contains(keyword) || !rest.contains("<<") || InstructionParser.isJsonForm(rest)) {
            return List.of();
        }
        List<Heredoc> heredocs = new ArrayList<>();
        for (HeredocMarker marker : HeredocMarker.onLine(rest)) {
            String body = reader.heredoc(marker.name(), marker.chomp(), at);
            heredocs.add(new Heredoc(marker.name(), body, marker.expand()));
        }
        return heredocs;
    }

    private void add(Instruction instruction) {
        if (instruction instanceof Instruction.From f) {
            endStage();
            startStage(f);
        } else if (from == null && instruction instanceof Instruction.Arg arg) {
            globalArgs.add(arg);
        } else if (from == null) {
            SourceLine at = instruction.at();
            throw new DockerfileException(
                    at,
                    "no build stage in current context",
                    "only ARG may come before the first FROM; move " + at.keyword() + " after a FROM line");
        } else {
            instructions.add(instruction);
        }
    }

    private void startStage(Instruction.From f) {
        if (f.name() != null) {
            Integer previous = stageLines.putIfAbsent(f.name(), f.at().line());
            if (previous != null) {
                throw new DockerfileException(
                        f.at(),
                        "duplicate stage name \"" + f.name() + "\"",
                        "the name is already used by the stage on line " + previous + "; give each stage its own name");
            }
        }
        from = f;
        instructions = new ArrayList<>();
    }

    private void endStage() {
        if (from != null) {
            stages.add(new Stage(stages.size(), from.name(), from, instructions));
        }
    }
}
