package dev.jcompose.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.ProjectLoader;
import dev.jcompose.model.Project;
import dev.jcompose.observe.ObservedState;
import dev.jcompose.settings.UnsupportedSettingException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** up (and so create and run) reports the settings it does not apply, once per service and key. */
class SettingWarningsPlanTest {
    @TempDir
    Path tmp;

    private DesiredProject load(String yaml) throws Exception {
        Files.writeString(tmp.resolve("compose.yaml"), yaml);
        Project p = ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                .load(LoadOptions.in(tmp).withProjectName("t").withProcessEnv(Map.of()))
                .project();
        return DesiredProject.of(p);
    }

    @Test
    void warnsForTheSelectedServicesInStartOrder() throws Exception {
        DesiredProject d = load("""
                services:
                  web:
                    image: busybox
                    mem_swappiness: 10
                    depends_on: [db]
                  db:
                    image: busybox
                    oom_kill_disable: true
                    cgroup_parent: custom
                  other:
                    image: busybox
                    oom_kill_disable: true
                """);
        assertThat(Planner.plan(d, ObservedState.EMPTY, PlanOptions.up().withServices(List.of("web"), false))
                        .warnings())
                .containsExactly(
                        "service \"db\": cgroup_parent is not supported yet and is ignored",
                        "service \"db\": oom_kill_disable is not supported yet and is ignored",
                        "service \"web\": mem_swappiness is not supported yet and is ignored");
    }

    @Test
    void aSandboxingRuntimeIsRefusedAndRuncWarned() throws Exception {
        DesiredProject sandbox = load("""
                services:
                  web:
                    image: busybox
                    runtime: runsc
                """);
        assertThatThrownBy(() -> Planner.plan(sandbox, ObservedState.EMPTY, PlanOptions.up()))
                .hasMessage(
                        "service \"web\": runtime 'runsc' is not supported: jcompose runs containers with runc or crun only");
        DesiredProject runc = load("""
                services:
                  web:
                    image: busybox
                    runtime: runc
                """);
        assertThat(Planner.plan(runc, ObservedState.EMPTY, PlanOptions.up()).warnings())
                .containsExactly("service \"web\": runtime 'runc' is ignored: jcompose picks runc or crun itself");
    }

    @Test
    void refusesBeforePlanningAnything() throws Exception {
        DesiredProject d = load("""
                services:
                  web:
                    image: busybox
                    security_opt: ["label=type:svirt_apache_t"]
                """);
        assertThatThrownBy(() -> Planner.plan(d, ObservedState.EMPTY, PlanOptions.up()))
                .isInstanceOf(UnsupportedSettingException.class)
                .hasMessage("service \"web\": security_opt 'label=type:svirt_apache_t' is not supported: jcompose "
                        + "cannot apply this confinement");
    }
}
