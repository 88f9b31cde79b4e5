package dev.jcompose.container;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

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
