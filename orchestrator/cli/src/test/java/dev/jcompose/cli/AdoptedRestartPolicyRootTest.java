package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.cli.EngineSandbox.Container;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.image.testing.TestImages;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kill matrix of restart policies: the engine is SIGKILLed, then each container ends while no engine
 * watches it (killed by SIGKILL, exit 0, exit 1), and the next command's new engine adopts them and applies
 * each policy as dockerd does when it starts: {@code no} leaves all down, {@code always} and
 * {@code unless-stopped} restart all, {@code on-failure} restarts the failures (137 and 1), not the clean
 * exit. A user stop keeps {@code unless-stopped} down, and {@code on-failure:1} whose one restart the first
 * engine made stays down.
 */
@Tag("root")
class AdoptedRestartPolicyRootTest {
    /** Waits in 0.1 s steps as pid 1: SIGUSR1 ends it with 0, SIGUSR2 with 1, SIGKILL with 137. */
    private static final String COMMAND =
            "[\"sh\", \"-c\", \"trap 'exit 0' USR1; trap 'exit 1' USR2; while :; do sleep 0.1; done\"]";

    private static final Map<String, String> POLICIES =
            Map.of("no", "\"no\"", "always", "always", "unless", "unless-stopped", "onfail", "on-failure");
    /** How each container ends: the signal the test sends its main process. */
    private static final Map<String, String> ENDINGS = Map.of("kill", "KILL", "zero", "USR1", "one", "USR2");

    @Test
    void aNewEngineAppliesEachPolicyToWhatExitedWhileNoEngineWatched() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        String tag = EngineSandbox.newTag();
        String project = "kmpolicy" + tag;
        EngineSandbox box = new EngineSandbox(tag, project);
        HostSnapshot before = box.snapshot();
        box.runThenClose(() -> {
            box.importBusybox();
            Files.writeString(box.app().resolve("compose.yaml"), compose());
            box.cli("-p", project, "--progress", "plain", "up", "-d").assertOk("up");
            box.cli("-p", project, "--progress", "plain", "stop", "unless-stopped-by-user")
                    .assertOk("stop");
            spendTheOneRestart(box, project);

            // read before the kill: a command after it would start the engine that must not watch the exits
            Map<String, Container> byService = byService(box.ps(project), project);
            EngineSandbox.sigkill(box.enginePid());
            List<Long> monitors = new ArrayList<>();
            for (String policy : POLICIES.keySet()) {
                for (var ending : ENDINGS.entrySet()) {
                    monitors.add(end(box, byService.get(policy + "-" + ending.getKey()), ending.getValue()));
                }
            }
            monitors.add(end(box, byService.get("spent"), "USR2"));
            assertThat(EngineSandbox.await(
                            Duration.ofSeconds(20),
                            () -> monitors.stream().noneMatch(AdoptedRestartPolicyRootTest::running)))
                    .as("every container ended and its conmon wrote its exit")
                    .isTrue();

            Map<String, String> expected = expected();
            Map<String, String> seen = new TreeMap<>();
            boolean converged = EngineSandbox.await(Duration.ofSeconds(30), () -> {
                seen.clear();
                byService(box.ps(project), project).forEach((s, c) -> seen.put(s, c.state()));
                return seen.equals(expected);
            });
            assertThat(seen)
                    .as("states after the new engine adopted (converged: %s)", converged)
                    .isEqualTo(expected);
            box.cli("-p", project, "--progress", "plain", "down", "-v", "-t", "0")
                    .assertOk("down -v");
        });
        box.snapshot().assertSameAs(before);
    }

    private static String compose() {
        StringBuilder y = new StringBuilder("x-waiter: &waiter\n  image: busybox:1.36\n  network_mode: none\n")
                .append("  stop_grace_period: 1s\n  command: ")
                .append(COMMAND)
                .append("\nservices:\n");
        for (var p : new TreeMap<>(POLICIES).entrySet()) {
            for (String ending : new TreeMap<>(ENDINGS).keySet()) {
                y.append("  ").append(p.getKey()).append('-').append(ending);
                y.append(": {<<: *waiter, restart: ").append(p.getValue()).append("}\n");
            }
        }
        y.append("  unless-stopped-by-user: {<<: *waiter, restart: unless-stopped}\n");
        y.append("  spent: {<<: *waiter, restart: \"on-failure:1\"}\n");
        return y.toString();
    }

    private static Map<String, String> expected() {
        Map<String, String> m = new TreeMap<>();
        for (String policy : POLICIES.keySet()) {
            for (String ending : ENDINGS.keySet()) {
                boolean restarts = switch (policy) {
                    case "no" -> false;
                    case "onfail" -> !ending.equals("zero");
                    default -> true;
                };
                m.put(policy + "-" + ending, restarts ? "running" : "exited");
            }
        }
        m.put("unless-stopped-by-user", "exited");
        m.put("spent", "exited");
        return m;
    }

    /** spent (on-failure:1) fails once while the engine watches: the engine restarts it, its one restart. */
    private static void spendTheOneRestart(EngineSandbox box, String project) throws Exception {
        Container spent = byService(box.ps(project), project).get("spent");
        long first = box.pidFile(spent.id(), "container.pid").orElseThrow();
        EngineSandbox.host("kill", "-USR2", Long.toString(first)).assertOk("kill -USR2 spent");
        assertThat(EngineSandbox.await(Duration.ofSeconds(20), () -> {
                    try {
                        long now = box.pidFile(spent.id(), "container.pid").orElse(first);
                        return now != first
                                && byService(box.ps(project), project)
                                        .get("spent")
                                        .state()
                                        .equals("running");
                    } catch (java.io.IOException e) {
                        return false;
                    }
                }))
                .as("the live engine restarts spent after its failure")
                .isTrue();
    }

    /** Sends {@code signal} to the container's main process; returns its conmon's pid. */
    private static long end(EngineSandbox box, Container c, String signal) throws Exception {
        long pid = box.pidFile(c.id(), "container.pid").orElseThrow();
        long conmon = box.pidFile(c.id(), "conmon.pid").orElseThrow();
        EngineSandbox.host("kill", "-" + signal, Long.toString(pid)).assertOk("kill -" + signal + " " + c.name());
        return conmon;
    }

    /** Running, not a zombie: conmon has written the exit file once it is a zombie. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Map<String, Container> byService(List<Container> containers, String project) {
        return containers.stream()
                .collect(Collectors.toMap(
                        c -> c.name().substring(project.length() + 1, c.name().lastIndexOf('-')),
                        c -> c,
                        (a, b) -> a,
                        TreeMap::new));
    }
}
