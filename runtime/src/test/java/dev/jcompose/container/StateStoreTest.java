package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.host.HostPaths;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.OverlayMount;
import dev.jcompose.state.ContainerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateStoreTest {
    @TempDir
    Path dir;

    @Test
    void aRecordRoundTripsAndOneWrittenBeforeRestartCountsReadsAsNeverRestarted() throws Exception {
        HostPaths paths = new HostPaths(dir.resolve("data"), dir.resolve("run"));
        StateStore store = new StateStore(paths);
        ContainerRecord rec = record("c1", ContainerState.EXITED, Instant.EPOCH, Instant.EPOCH.plusSeconds(1), 3)
                .restarted(Instant.EPOCH.plusSeconds(2));
        store.save(rec);
        assertThat(store.load("c1")).contains(rec);
        assertThat(rec.restartCount()).isEqualTo(1);
        assertThat(rec.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(rec.exitCode()).isNull();

        Path file = ContainerDirs.of(paths, "c1").record();
        var old = (com.fasterxml.jackson.databind.node.ObjectNode) StateStore.JSON.readTree(file.toFile());
        assertThat(old.remove("restartCount").asInt()).isEqualTo(1);
        StateStore.JSON.writeValue(file.toFile(), old);
        assertThat(store.load("c1").orElseThrow().restartCount()).isZero();
    }

    /**
     * A record as jcompose 0.1 wrote it, before the container states moved to {@link ContainerState}:
     * each state it could write (the constant names) still reads, and saving it again writes the same
     * bytes, so an older engine still reads what this one writes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"CREATED", "RUNNING", "PAUSED", "EXITED"})
    void aRecordWrittenByTheOldStateEnumReadsBackUnchanged(String written) throws Exception {
        HostPaths paths = new HostPaths(dir.resolve("data"), dir.resolve("run"));
        StateStore store = new StateStore(paths);
        String old = Files.readString(Path.of("src/test/resources/container/state-written-by-0.1.json"))
                .replace("\"state\" : \"RUNNING\"", "\"state\" : \"" + written + "\"");
        Path file = ContainerDirs.of(paths, "c1").record();
        Files.createDirectories(file.getParent());
        Files.writeString(file, old);

        ContainerRecord rec = store.load("c1").orElseThrow();
        assertThat(rec.state()).isEqualTo(ContainerState.valueOf(written));
        assertThat(rec.state().text()).isEqualTo(written.toLowerCase(java.util.Locale.ROOT));
        assertThat(rec.restartCount()).isEqualTo(1);

        store.save(rec);
        assertThat(Files.readString(file)).isEqualTo(old);
    }

    @Test
    void anUnchangedRecordIsNotParsedAgainAndAReplacedOneIsReadAnew() {
        HostPaths paths = new HostPaths(dir.resolve("data"), dir.resolve("run"));
        StateStore store = new StateStore(paths);
        StateStore otherProcess = new StateStore(paths);
        ContainerRecord created = record("c2", ContainerState.CREATED, null, null, null);
        store.save(created);

        ContainerRecord first = store.load("c2").orElseThrow();
        assertThat(store.load("c2").orElseThrow()).isSameAs(first);

        ContainerRecord running = created.with(ContainerState.RUNNING, Instant.EPOCH, null, null);
        otherProcess.save(running);
        assertThat(store.load("c2")).contains(running);

        store.save(created);
        assertThat(store.load("c2")).contains(created);
        assertThat(otherProcess.load("c2")).contains(created);
    }

    private ContainerRecord record(String id, ContainerState state, Instant started, Instant finished, Integer exit) {
        OverlayMount rootfs =
                new OverlayMount(dir, List.of("l/a"), dir.resolve("upper"), dir.resolve("work"), dir.resolve("rootfs"));
        return new ContainerRecord(
                id,
                "n-" + id,
                Map.of("k", "v"),
                "hash",
                ImageDefaults.EMPTY,
                ContainerSpec.defaults(),
                rootfs,
                "/jcompose/" + id,
                "runc",
                "/usr/bin/runc",
                Instant.EPOCH,
                state,
                started,
                finished,
                exit);
    }
}
