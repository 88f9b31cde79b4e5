package dev.jcompose.build;

import dev.jcompose.dockerfile.DockerfileException;
import dev.jcompose.dockerfile.Heredoc;
import dev.jcompose.dockerfile.Instruction;
import dev.jcompose.dockerfile.InstructionCommand;
import dev.jcompose.dockerfile.StageScope;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.SpecBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * RUN: the command in a container on the stage's snapshots, with the image's ENV, the ARGs in scope,
 * its USER and WORKDIR, and the step's mounts; what it changed becomes the layer.
 */
final class RunLayer {
    private final BuildSession session;
    private final dev.jcompose.dockerfile.Stage stage;
    private final StepRef ref;
    private final Instruction.Run run;
    private final StageState state;
    private final StageScope scope;

    RunLayer(
            BuildSession session,
            dev.jcompose.dockerfile.Stage stage,
            StepRef ref,
            Instruction.Run run,
            StageState state,
            StageScope scope) {
        this.session = session;
        this.stage = stage;
        this.ref = ref;
        this.run = run;
        this.state = state;
        this.scope = scope;
    }

    StepWork work() {
        List<String> argv = argv(state.draft(), run);
        SequencedMap<String, String> args = new LinkedHashMap<>(scope.argsInScope());
        Map<String, String> env = environment();
        return new StepWork("", now -> {
            RunMounts mounts = RunMounts.of(session, stage, run);
            try (mounts) {
                String network = session.network(run);
                RunStep.Process process = new RunStep.Process(
                        argv,
                        env,
                        state.draft().user(),
                        state.workdir(),
                        mounts.volumes(),
                        "none".equals(network)
                                ? new ContainerSpec.Network.Isolated()
                                : new ContainerSpec.Network.Host(),
                        session.request.shmSizeBytes() > 0 ? session.request.shmSizeBytes() : null,
                        mounts.hostsFile(),
                        mounts.resolvConf());
                BuiltLayer layer = session.runner.run(
                        session.request.reference(),
                        process,
                        session.lowers(state),
                        line -> session.tell(ref, BuildStep.Status.OUTPUT, java.time.Duration.ZERO, line),
                        upper -> {
                            MountStubs.clean(upper, mounts.targets(), session.lowers(state));
                            return session.diff(upper).orElse(null);
                        },
                        f -> failed(argv, f));
                HistoryEntry h = new HistoryEntry(now, HistoryEntry.run(argv, args), layer == null);
                ImageDraft d = layer == null
                        ? state.draft().withStep(h)
                        : state.draft().withLayer(layer, h);
                return new StepWork.Result(d, layer);
            }
        });
    }

    /** The image's ENV, then the ARGs in scope and the proxy ARGs where no ENV sets them; PATH by default. */
    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", SpecBuilder.DEFAULT_PATH);
        env.putAll(scope.argsInScope());
        env.putAll(scope.proxyArgs());
        env.putAll(scope.env());
        return env;
    }

    /**
     * Exec form as written; shell form through the stage's SHELL. A shell form that is only a
     * here-document ({@code RUN <<EOF}) runs the document as the script; other here-documents are
     * given to the shell after the command line, where it reads them as it would in a script.
     */
    static List<String> argv(ImageDraft draft, Instruction.Run run) {
        InstructionCommand c = run.command();
        if (!c.shell()) {
            return c.args();
        }
        String line = String.join(" ", c.args());
        String script;
        if (run.heredocs().size() == 1
                && line.strip()
                        .matches("<<-?[\"']?"
                                + java.util.regex.Pattern.quote(
                                        run.heredocs().get(0).name()) + "[\"']?")) {
            script = run.heredocs().get(0).content();
        } else {
            StringBuilder sb = new StringBuilder(line);
            for (Heredoc h : run.heredocs()) {
                sb.append('\n').append(h.content()).append(h.name());
            }
            script = sb.toString();
        }
        List<String> out = new ArrayList<>(draft.shell() == null ? ConfigStep.DEFAULT_SHELL : draft.shell());
        out.add(script);
        return out;
    }

    private RuntimeException failed(List<String> argv, RunStep.Failure f) {
        String tail =
                f.tail().isEmpty() ? "it printed nothing" : "its last output:\n  " + String.join("\n  ", f.tail());
        return new DockerfileException(
                run.at(),
                "process \"" + String.join(" ", argv) + "\" did not complete successfully: exit code: " + f.exitCode(),
                tail);
    }
}
