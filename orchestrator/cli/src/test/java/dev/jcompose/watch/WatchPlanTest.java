package dev.jcompose.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.FileSync;
import dev.jcompose.model.WatchAction;
import dev.jcompose.model.WatchRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch of changed paths to per-service actions, and the sync's payload read from the host. */
class WatchPlanTest {
    @TempDir
    Path dir;

    private WatchTrigger trigger(String service, WatchAction action, String path, String target, List<String> ignore) {
        return WatchTrigger.of(
                new WatchRule(service, action, dir.resolve(path), target, ignore, List.of(), false, List.of("true")),
                null);
    }

    @Test
    void pathsMapToTheirServicesActionsAndContainerPaths() {
        List<WatchTrigger> triggers = List.of(
                trigger("web", WatchAction.SYNC, "src", "/srv/", List.of("*.log")),
                trigger("web", WatchAction.REBUILD, "package.json", null, List.of()),
                trigger("api", WatchAction.SYNC_RESTART, "conf", "/etc/api", List.of()),
                trigger("api", WatchAction.SYNC_EXEC, "conf", "/etc/api2", List.of()));
        WatchPlan plan = WatchPlan.of(
                triggers,
                List.of(
                        dir.resolve("src/a/index.html"),
                        dir.resolve("src/debug.log"),
                        dir.resolve("src/.index.html.swp"),
                        dir.resolve("package.json"),
                        dir.resolve("conf/a.conf"),
                        dir.resolve("conf/b.conf"),
                        dir.resolve("elsewhere/x")));
        assertThat(plan.sync()).containsOnlyKeys("api", "web");
        assertThat(plan.sync().get("web"))
                .containsExactly(new WatchTrigger.Mapping(dir.resolve("src/a/index.html"), "/srv/a/index.html"));
        assertThat(plan.sync().get("api"))
                .extracting(WatchTrigger.Mapping::container)
                .containsExactly("/etc/api/a.conf", "/etc/api2/a.conf", "/etc/api/b.conf", "/etc/api2/b.conf");
        assertThat(plan.rebuild()).containsExactly("web");
        assertThat(plan.restart()).containsExactly("api");
        assertThat(plan.exec()).containsExactly(triggers.get(3));
        assertThat(WatchPlan.of(triggers, List.of(dir.resolve("src/x.log"))).isEmpty())
                .isTrue();
    }

    @Test
    void thePayloadCarriesContentModeDirectoriesAndDeletionsFirst() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/sub"));
        Files.writeString(src.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(
                src.resolve("run.sh"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        List<FileSync> payload = SyncPayload.of(List.of(
                new WatchTrigger.Mapping(src.resolve("run.sh"), "/srv/sub/run.sh"),
                new WatchTrigger.Mapping(src, "/srv/sub"),
                new WatchTrigger.Mapping(dir.resolve("src/gone"), "/srv/gone")));
        assertThat(payload)
                .containsExactly(
                        FileSync.delete("/srv/gone"),
                        FileSync.directory("/srv/sub", (int) Files.getAttribute(src, "unix:mode") & 07777),
                        FileSync.file("/srv/sub/run.sh", 0750, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)));
    }
}
