package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.cli.EngineSandbox.Container;
import dev.jcompose.cli.EngineSandbox.Run;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.image.testing.TestImages;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two projects brought up ({@code up -d --wait}) and taken down ({@code down -v}) concurrently through
 * one engine, round after round: every command succeeds, each project gets its own network, address,
 * published port and names (never the other's), and nothing is left at the end. Rounds:
 * {@code -Djcompose.concurrent.rounds=N} (default 20).
 */
@Tag("root")
class ConcurrentProjectsRootTest {
    static final String STACK = """
            services:
              web:
                image: busybox:1.36
                init: true
                command: ["sh", "-c", "mkdir -p /www && echo %1$s > /www/index.html && exec httpd -f -p 8080 -h /www"]
                ports: ["127.0.0.1:%2$d:8080"]
            """;
    private static final Pattern INET = Pattern.compile("inet (\\d+\\.\\d+\\.\\d+\\.\\d+)/(\\d+)");

    final int rounds = Integer.getInteger("jcompose.concurrent.rounds", 20);
    final Queue<String> failures = new ConcurrentLinkedQueue<>();
    /** Rounds that saw the other project up during their checks. */
    final AtomicInteger overlaps = new AtomicInteger();
    /** Commands (up, down) in flight now, and how many started while the other project's was in flight. */
    final AtomicInteger inFlight = new AtomicInteger();

    final AtomicInteger concurrentCommands = new AtomicInteger();

    /** What a project holds while it is up: the other project must never hold the same. */
    record Holding(String project, String address, int port) {}

    @Test
    void twoProjectsUpAndDownConcurrentlyNeverCollideAndLeaveNothing() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        String tag = EngineSandbox.newTag();
        String projectA = "cca" + tag;
        String projectB = "ccb" + tag;
        EngineSandbox box = new EngineSandbox(tag, projectA, projectB);
        HostSnapshot before = box.snapshot();
        long t0 = System.nanoTime();
        box.runThenClose(() -> {
            box.importBusybox();
            int portA = CliEndToEndRootTest.freePort();
            int portB = CliEndToEndRootTest.freePort();
            assertThat(portA).isNotEqualTo(portB);
            Files.writeString(box.app().resolve(projectA + ".yaml"), STACK.formatted(projectA, portA));
            Files.writeString(box.app().resolve(projectB + ".yaml"), STACK.formatted(projectB, portB));
            AtomicReference<Holding> heldA = new AtomicReference<>();
            AtomicReference<Holding> heldB = new AtomicReference<>();
            CountDownLatch go = new CountDownLatch(1);
            Thread a = Thread.ofPlatform().name(projectA).start(() -> rounds(box, projectA, portA, heldA, heldB, go));
            Thread b = Thread.ofPlatform().name(projectB).start(() -> rounds(box, projectB, portB, heldB, heldA, go));
            go.countDown();
            Duration budget = Duration.ofSeconds(60L + 30L * rounds);
            a.join(budget);
            b.join(budget);
            assertThat(a.isAlive() || b.isAlive())
                    .as("%d rounds finished within %s", rounds, budget)
                    .isFalse();
            assertThat(failures).as("failures in %d concurrent rounds", rounds).isEmpty();
            assertThat(concurrentCommands.get())
                    .as("ups and downs of the two projects ran at the same time")
                    .isPositive();
            assertThat(box.ps(projectA)).isEmpty();
            assertThat(box.ps(projectB)).isEmpty();
            assertThat(box.entries("run/containers")).as("container state left").isEmpty();
            assertThat(box.entries("run/netns")).as("netns left").isEmpty();
        });
        System.out.printf(
                "ConcurrentProjectsRootTest: 2 projects x %d rounds in %d s; %d of %d commands started while"
                        + " the other project's was running; %d rounds saw the other project up%n",
                rounds,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0),
                concurrentCommands.get(),
                4 * rounds,
                overlaps.get());
        box.snapshot().assertSameAs(before);
    }

    /** The other project's name, when it shows in a command's progress: that progress mixes projects. */
    private static Optional<String> otherProjectIn(String progress, String project) {
        String other = project.startsWith("cca") ? "ccb" + project.substring(3) : "cca" + project.substring(3);
        return progress.lines().filter(l -> l.contains(other)).findFirst();
    }

    private void rounds(
            EngineSandbox box,
            String project,
            int port,
            AtomicReference<Holding> mine,
            AtomicReference<Holding> other,
            CountDownLatch go) {
        try {
            go.await();
            for (int round = 1; round <= rounds && failures.isEmpty(); round++) {
                if (!round(box, project, port, mine, other, round)) {
                    return;
                }
            }
        } catch (Throwable t) {
            failures.add(project + ": " + t);
        }
    }

    /** One up/check/down; false (with the failure recorded) when something went wrong. */
    private boolean round(
            EngineSandbox box,
            String project,
            int port,
            AtomicReference<Holding> mine,
            AtomicReference<Holding> other,
            int round)
            throws Exception {
        String where = project + " round " + round + ": ";
        String file = project + ".yaml";
        Run up = command(box, "-f", file, "-p", project, "--progress", "plain", "up", "-d", "--wait");
        if (up.exit() != 0) {
            return fail(where + "up -d --wait exited " + up.exit() + ":\n" + up.err());
        }
        if (otherProjectIn(up.err(), project).isPresent()) {
            return fail(where + "up's progress shows the other project: "
                    + otherProjectIn(up.err(), project).get());
        }
        List<Container> ps = box.ps(project);
        if (!ps.stream().map(Container::name).toList().equals(List.of(project + "-web-1"))) {
            return fail(where + "ps shows " + ps);
        }
        Run ip = box.cli("-p", project, "exec", "-T", "web", "ip", "-4", "-o", "addr", "show", "dev", "eth0");
        Matcher inet = INET.matcher(ip.out());
        if (ip.exit() != 0 || !inet.find()) {
            return fail(where + "no address on eth0: " + ip.out() + ip.err() + diagnostics(box, project));
        }
        Holding holding = new Holding(project, inet.group(1), port);
        mine.set(holding);
        Holding theirs = other.get();
        if (theirs != null && (theirs.address().equals(holding.address()) || theirs.port() == holding.port())) {
            return fail(where + "collides with " + theirs + " while holding " + holding);
        }
        String served = CliEndToEndRootTest.httpGet(port);
        if (!served.equals(project + "\n")) {
            return fail(where + "127.0.0.1:" + port + " served \"" + served.strip() + "\", another project's page");
        }
        Holding still = other.get();
        if (still != null && (still.address().equals(holding.address()) || still.port() == holding.port())) {
            return fail(where + "collides with " + still + " while holding " + holding);
        }
        if (theirs != null || still != null) {
            overlaps.incrementAndGet();
        }
        mine.set(null);
        Run down = command(box, "-f", file, "-p", project, "--progress", "plain", "down", "-v", "-t", "0");
        if (down.exit() != 0) {
            return fail(where + "down -v exited " + down.exit() + ":\n" + down.err());
        }
        if (otherProjectIn(down.err(), project).isPresent()) {
            return fail(where + "down's progress shows the other project: "
                    + otherProjectIn(down.err(), project).get());
        }
        return true;
    }

    private Run command(EngineSandbox box, String... args) {
        if (inFlight.incrementAndGet() > 1) {
            concurrentCommands.incrementAndGet();
        }
        try {
            return box.cli(args);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** What the container said and how it ended, for a failure message. */
    private static String diagnostics(EngineSandbox box, String project) {
        return "\n  ps: "
                + box.cli("-p", project, "ps", "-a", "--format", "json").out().strip() + "\n  logs: "
                + box.cli("-p", project, "--ansi", "never", "logs").out().strip();
    }

    private boolean fail(String failure) {
        failures.add(failure);
        return false;
    }
}
