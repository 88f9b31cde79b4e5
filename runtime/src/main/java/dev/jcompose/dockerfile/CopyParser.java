package dev.jcompose.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code COPY} and {@code ADD}: flags, sources and destination, inline files. */
final class CopyParser {
    private static final Set<String> COPY_STRINGS = Set.of("from", "chown", "chmod");
    private static final Set<String> ADD_STRINGS = Set.of("chown", "chmod", "checksum");
    private static final Set<String> COPY_BOOLEANS = Set.of("link", "parents");
    private static final Set<String> ADD_BOOLEANS = Set.of("link", "keep-git-dir", "unpack");

    private CopyParser() {}

    static Instruction.Copy copy(InstructionParser.Raw raw) {
        boolean add = raw.at().keyword().equals("ADD");
        Flags flags =
                raw.flags(add ? ADD_STRINGS : COPY_STRINGS, Set.of("exclude"), add ? ADD_BOOLEANS : COPY_BOOLEANS);
        refuseUnsupported(raw, flags);
        List<String> json = InstructionParser.jsonArray(raw);
        List<String> args = json != null ? json : LineSplitter.blankWords(raw.rest());
        if (args.size() < 2) {
            throw raw.fail(
                    raw.at().keyword()
                            + " requires at least two arguments, but only one was provided. Destination could not be determined",
                    "write " + raw.at().keyword() + " source... destination");
        }
        String destination = args.get(args.size() - 1);
        if (HeredocMarker.of(destination) != null) {
            throw raw.fail(
                    raw.at().keyword() + " cannot accept a heredoc as a destination",
                    "name the file after the heredoc: COPY <<EOF /path/file");
        }
        List<String> sources = new ArrayList<>();
        List<Heredoc> heredocs = new ArrayList<>();
        inlineFiles(raw, args.subList(0, args.size() - 1), sources, heredocs, json != null);
        String from = flags.string("from");
        refuseVariable(raw, from);
        return new Instruction.Copy(
                raw.at(),
                add,
                sources,
                raw.word(destination),
                heredocs,
                from,
                raw.word(flags.string("chown")),
                raw.word(flags.string("chmod")),
                flags.bool("link"),
                raw.words(flags.all("exclude")),
                flags.bool("keep-git-dir"),
                raw.word(flags.string("checksum")));
    }

    /** Splits the sources into paths and inline files; a heredoc source is listed under its name. */
    private static void inlineFiles(
            InstructionParser.Raw raw, List<String> args, List<String> sources, List<Heredoc> heredocs, boolean json) {
        Map<String, Heredoc> byName =
                raw.heredocs().stream().collect(Collectors.toMap(Heredoc::name, Function.identity(), (a, b) -> a));
        for (String arg : args) {
            HeredocMarker marker = json ? null : HeredocMarker.of(arg);
            if (marker != null && byName.containsKey(marker.name())) {
                heredocs.add(byName.get(marker.name()));
                sources.add(marker.name());
            } else {
                sources.add(json ? arg : raw.word(arg));
            }
        }
    }

    private static void refuseUnsupported(InstructionParser.Raw raw, Flags flags) {
        if (flags.bool("parents")) {
            throw raw.fail(
                    "--parents is not supported by jcompose",
                    "copy each directory to its destination explicitly, e.g. COPY a/b/ /dest/a/b/");
        }
        if (flags.given("unpack")) {
            throw raw.fail(
                    "--unpack is not supported by jcompose",
                    "ADD unpacks local tar archives by itself; use COPY to copy an archive as is");
        }
    }

    /** Docker refuses variables in --from (and RUN --mount from=): the stage graph is fixed before the build. */
    static void refuseVariable(InstructionParser.Raw raw, String from) {
        if (from == null) {
            return;
        }
        int dollar = from.indexOf('$');
        if (dollar >= 0 && dollar != from.length() - 1) {
            throw raw.fail(
                    "variable expansion is not supported for --from",
                    "define a new stage with FROM using ARG from global scope as a workaround: "
                            + "ARG X; FROM ${X} AS x; then --from=x");
        }
    }
}
