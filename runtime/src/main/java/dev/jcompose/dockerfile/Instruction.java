package dev.jcompose.dockerfile;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One Dockerfile instruction, as parsed: values are raw (variables not yet substituted) until
 * {@link #expanded} is called with the variables in scope at that step, which only the build knows
 * (the base image's ENV, the stage's ARGs and the build arguments).
 */
public sealed interface Instruction {

    /** Where it was written. */
    SourceLine at();

    /**
     * This instruction with variables substituted in the fields where Docker substitutes them
     * ({@code $x}, {@code ${x}}, {@code ${x:-w}}, {@code ${x:+w}}, escapes), by {@code variables}
     * (null for unset). Instructions Docker never substitutes return themselves.
     */
    default Instruction expanded(Function<String, String> variables) {
        return this;
    }

    /** {@code FROM [--platform=P] image [AS name]}; {@code image} may be {@code scratch} or a stage name. */
    record From(SourceLine at, String image, String name, String platform) implements Instruction {
        /** Docker substitutes the image and --platform (with the global ARGs only), never the stage name. */
        @Override
        public From expanded(Function<String, String> variables) {
            return new From(at, Words.expand(image, variables, at), name, Words.expand(platform, variables, at));
        }
    }

    /**
     * {@code RUN [--mount=...]... [--network=none|default|host] [--security=...] command}.
     *
     * @param heredocs the here-documents the command line opened, in order; when the command is only
     *                 {@code <<EOF}, the first one is the script the shell runs
     * @param network  null when not given (the build's network applies)
     */
    record Run(SourceLine at, InstructionCommand command, List<RunMount> mounts, String network, List<Heredoc> heredocs)
            implements Instruction {
        public Run {
            mounts = List.copyOf(mounts);
            heredocs = List.copyOf(heredocs);
        }

        /** Only the mounts' target, source and id; the command and its heredocs are left to the shell. */
        @Override
        public Run expanded(Function<String, String> variables) {
            List<RunMount> expandedMounts =
                    mounts.stream().map(m -> m.expanded(variables, at)).toList();
            return new Run(at, command, expandedMounts, network, heredocs);
        }
    }

    record Cmd(SourceLine at, InstructionCommand command) implements Instruction {}

    record Entrypoint(SourceLine at, InstructionCommand command) implements Instruction {}

    record Env(SourceLine at, List<KeyValue> pairs) implements Instruction {
        public Env {
            pairs = List.copyOf(pairs);
        }

        /** Every pair sees the values from before this instruction ({@code ENV a=1 b=$a} uses the old a). */
        @Override
        public Env expanded(Function<String, String> variables) {
            return new Env(at, KeyValue.expanded(pairs, variables, at));
        }
    }

    record Arg(SourceLine at, List<ArgDecl> args) implements Instruction {
        public Arg {
            args = List.copyOf(args);
        }

        @Override
        public Arg expanded(Function<String, String> variables) {
            return new Arg(
                    at,
                    args.stream()
                            .map(a -> new ArgDecl(
                                    Words.expand(a.name(), variables, at),
                                    Words.expand(a.defaultValue(), variables, at)))
                            .toList());
        }
    }

    record Label(SourceLine at, List<KeyValue> pairs) implements Instruction {
        public Label {
            pairs = List.copyOf(pairs);
        }

        @Override
        public Label expanded(Function<String, String> variables) {
            return new Label(at, KeyValue.expanded(pairs, variables, at));
        }
    }

    /** {@code MAINTAINER name} (deprecated): the image's author. */
    record Maintainer(SourceLine at, String name) implements Instruction {}

    /** {@code EXPOSE 80 443/udp 8000-8002}: as written, one entry per word. */
    record Expose(SourceLine at, List<String> ports) implements Instruction {
        public Expose {
            ports = List.copyOf(ports);
        }

        @Override
        public Expose expanded(Function<String, String> variables) {
            // Docker splits each substituted word into fields here: EXPOSE $PORTS can expose several ports
            return new Expose(
                    at,
                    ports.stream()
                            .flatMap(p -> Words.expandToFields(p, variables, at).stream())
                            .toList());
        }
    }

    record Workdir(SourceLine at, String path) implements Instruction {
        @Override
        public Workdir expanded(Function<String, String> variables) {
            return new Workdir(at, Words.expand(path, variables, at));
        }
    }

    record User(SourceLine at, String user) implements Instruction {
        @Override
        public User expanded(Function<String, String> variables) {
            return new User(at, Words.expand(user, variables, at));
        }
    }

    record Volume(SourceLine at, List<String> paths) implements Instruction {
        public Volume {
            paths = List.copyOf(paths);
        }

        @Override
        public Volume expanded(Function<String, String> variables) {
            return new Volume(at, Words.expandAll(paths, variables, at));
        }
    }

    record StopSignal(SourceLine at, String signal) implements Instruction {
        @Override
        public StopSignal expanded(Function<String, String> variables) {
            return new StopSignal(at, Words.expand(signal, variables, at));
        }
    }

    /**
     * {@code HEALTHCHECK NONE} ({@code test} null) or {@code HEALTHCHECK [options] CMD command}; unset
     * options are null.
     */
    record Healthcheck(
            SourceLine at,
            InstructionCommand test,
            Duration interval,
            Duration timeout,
            Duration startPeriod,
            Duration startInterval,
            Integer retries)
            implements Instruction {}

    /** {@code SHELL ["executable", "parameters"]}. */
    record Shell(SourceLine at, List<String> shell) implements Instruction {
        public Shell {
            shell = List.copyOf(shell);
        }
    }

    /** {@code ONBUILD INSTRUCTION ...}: the trigger as written, run when another build uses this image. */
    record Onbuild(SourceLine at, String trigger) implements Instruction {}

    /**
     * {@code COPY} or {@code ADD} ({@code add} true) with their flags; unset flags are null.
     *
     * @param sources     as written (globs, relative to the context or to {@code from}'s root); for heredocs
     *                    the heredoc names
     * @param heredocs    the files given inline ({@code COPY <<EOF /dest}), in order
     * @param from        {@code --from}: a stage name or index, or an image reference
     * @param chown       {@code --chown=user[:group]} (names or ids)
     * @param chmod       {@code --chmod} in octal, as written
     * @param link        {@code --link}
     * @param excludes    {@code --exclude} patterns
     * @param keepGitDir  {@code ADD --keep-git-dir}
     * @param checksum    {@code ADD --checksum}
     */
    record Copy(
            SourceLine at,
            boolean add,
            List<String> sources,
            String destination,
            List<Heredoc> heredocs,
            String from,
            String chown,
            String chmod,
            boolean link,
            List<String> excludes,
            boolean keepGitDir,
            String checksum)
            implements Instruction {
        public Copy {
            sources = List.copyOf(sources);
            heredocs = List.copyOf(heredocs);
            excludes = List.copyOf(excludes);
        }

        /**
         * The sources that are URLs or git remotes ({@code http(s)://}, {@code git://}, {@code git@host:});
         * call it after {@link #expanded}: a build without network refuses them.
         */
        public List<String> remoteSources() {
            List<String> inline = heredocs.stream().map(Heredoc::name).toList();
            return sources.stream()
                    .filter(s -> !inline.contains(s))
                    .filter(s -> s.matches("(?i)^(https?|git|ssh)://.*") || s.matches("^[\\w.-]+@[\\w.-]+:.*"))
                    .toList();
        }

        /**
         * Sources (not heredoc names), destination, --chown, --chmod and --checksum, and the bodies of
         * heredocs whose delimiter was not quoted (their {@code expand} turns false: the content is final);
         * never --from (Docker refuses variables there).
         */
        @Override
        public Copy expanded(Function<String, String> variables) {
            List<String> inline = heredocs.stream().map(Heredoc::name).toList();
            List<String> expandedSources = sources.stream()
                    .map(s -> inline.contains(s) ? s : Words.expand(s, variables, at))
                    .toList();
            List<Heredoc> expandedHeredocs = heredocs.stream()
                    .map(h -> h.expand()
                            ? new Heredoc(h.name(), Words.expandHeredoc(h.content(), variables, at), false)
                            : h)
                    .toList();
            return new Copy(
                    at,
                    add,
                    expandedSources,
                    Words.expand(destination, variables, at),
                    expandedHeredocs,
                    from,
                    Words.expand(chown, variables, at),
                    Words.expand(chmod, variables, at),
                    link,
                    excludes,
                    keepGitDir,
                    Words.expand(checksum, variables, at));
        }
    }
}
