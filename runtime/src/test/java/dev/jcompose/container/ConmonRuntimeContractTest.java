package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.host.CommandRunner;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.state.ContainerState;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contract against runc/crun under conmon, in busybox: each behaviour is a shell script. The
 * fixture removes every container and checks the host is as it was (no mount, cgroup or file left).
 */
@Tag("root")
class ConmonRuntimeContractTest extends ContainerRuntimeContract {
    private RuntimeFixture fx;

    @Override
    protected ContainerRuntime newRuntime() throws IOException {
        fx = new RuntimeFixture();
        return fx.runtime;
    }

    @AfterEach
    void closeFixture() throws IOException {
        fx.close();
    }

    /**
     * A container this runtime created and has not started is "created" while its init lives, without
     * a runtime process for each look; a runtime that did not create it (an engine started since) asks.
     */
    @Test
    void aContainerCreatedHereIsKnownCreatedWithoutAskingTheRuntime() {
        List<List<String>> commands = new CopyOnWriteArrayList<>();
        CommandRunner counting = command -> {
            commands.add(command.argv());
            return new ProcessCommandRunner().run(command);
        };
        ContainerRuntime here = fx.newRuntime(counting);
        here.create(request("known", new Exits("out", "err", 0)));
        commands.clear();

        assertThat(here.inspect("known").state()).isEqualTo(ContainerState.CREATED);
        assertThat(here.inspect("known").state()).isEqualTo(ContainerState.CREATED);
        assertThat(commands).isEmpty();

        ContainerRuntime later = fx.newRuntime(counting);
        assertThat(later.inspect("known").state()).isEqualTo(ContainerState.CREATED);
        assertThat(commands).singleElement().satisfies(argv -> assertThat(argv).contains("state"));

        here.start("known");
        assertThat(ExitWatcher.await(
                        ContainerDirs.of(fx.paths, "known").exitDir().resolve("known"), Duration.ofSeconds(10)))
                .contains(0);
        assertThat(here.inspect("known").state()).isEqualTo(ContainerState.EXITED);
        here.delete("known", true);
    }

    @Override
    protected CreateRequest request(String id, Process process) {
        return fx.request(id, process.stopOf(RuntimeFixture.sh(script(process))));
    }

    /** The busybox sh script behaving as {@code process} says; as pid 1 it ignores untrapped signals. */
    private static String script(Process process) {
        return switch (process) {
            case Exits e -> "echo " + e.out() + "; echo " + e.err() + " >&2; exit " + e.code();
            case Serves s ->
                "trap 'exit " + s.code() + "' " + s.signal().replaceFirst("^SIG", "") + "; echo " + s.ready()
                        + "; while :; do sleep 0.05; done";
            case IgnoresStop i -> "trap '' TERM; echo " + i.ready() + "; while :; do sleep 0.05; done";
        };
    }
}
