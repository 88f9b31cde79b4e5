package dev.jcompose.container;

import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.ImageDefaults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The contract against the in-memory runtime: no root, no processes. */
class InMemoryContainerRuntimeContractTest extends ContainerRuntimeContract {
    private InMemoryContainerRuntime fake;

    @Override
    protected ContainerRuntime newRuntime() {
        fake = new InMemoryContainerRuntime();
        return fake;
    }

    @Override
    protected CreateRequest request(String id, Process process) {
        fake.scriptNamed("c-" + id, script(process).execs(ECHO.args(), ECHOED));
        return new CreateRequest(
                id,
                "c-" + id,
                Map.of("test", "yes"),
                "hash",
                Path.of("/nonexistent/snapshots"),
                List.of(),
                ImageDefaults.EMPTY,
                process.stopOf(ContainerSpec.defaults()),
                null,
                null,
                null);
    }

    private static ScriptedProcess script(Process process) {
        return switch (process) {
            case Exits e -> ScriptedProcess.exiting(e.code()).printing(e.out()).printingErr(e.err());
            case Serves s -> ScriptedProcess.running().printing(s.ready()).trapping(s.signal(), s.code());
            case IgnoresStop i -> ScriptedProcess.running().printing(i.ready()).ignoring("SIGTERM");
        };
    }
}
