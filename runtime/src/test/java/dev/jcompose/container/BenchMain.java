package dev.jcompose.container;

import dev.jcompose.host.Command;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.RuntimeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test: the bench harness behind bench/run.sh. Times, in one warm JVM, N runs of {@code true}:
 * (a) through jcompose (overlay mount, bundle, conmon, runtime create/start, exit file, delete) and
 * (b) the raw runtime ({@code <runtime> run} of a prepared bundle on the same rootfs). Args: [N].
 */
public final class BenchMain {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        try (RuntimeFixture fx = new RuntimeFixture()) {
            ContainerRuntime rt = fx.runtime;
            ContainerSpec spec = ContainerSpec.defaults().withCommand(List.of("/bin/true"));
            List<Long> toExit = new ArrayList<>();
            List<Long> cycle = new ArrayList<>();
            for (int i = 0; i < n + 3; i++) {
                String id = "bench" + i;
                long t0 = System.nanoTime();
                rt.create(fx.request(id, spec));
                rt.start(id);
                if (rt.waitExit(id, Duration.ofSeconds(30)).orElse(-1) != 0) {
                    throw new IllegalStateException("true did not exit 0 in " + id);
                }
                long t1 = System.nanoTime();
                rt.delete(id, false);
                long t2 = System.nanoTime();
                if (i >= 3) { // warm-up runs are not counted
                    toExit.add(t1 - t0);
                    cycle.add(t2 - t0);
                }
            }
            report("jcompose " + fx.oci.name() + " create+start -> exit", toExit);
            report("jcompose " + fx.oci.name() + " create+start -> exit -> delete", cycle);
            report("raw " + fx.oci.name() + " run (same JVM, same rootfs)", raw(fx, n));
        }
    }

    private static List<Long> raw(RuntimeFixture fx, int n) throws IOException {
        Path bundle = fx.dir.resolve("raw");
        Path rootfs = fx.busybox.get(0).dir();
        RuntimeSpec spec = new RuntimeSpec(
                RuntimeSpec.VERSION,
                new RuntimeSpec.Process(
                        false,
                        new RuntimeSpec.User(0, 0, null),
                        List.of("/bin/true"),
                        List.of("PATH=/bin"),
                        "/",
                        null,
                        null,
                        true),
                new RuntimeSpec.Root(rootfs.toString(), true),
                null,
                List.of(new RuntimeSpec.Mount("/proc", "proc", "proc", List.of())),
                new RuntimeSpec.Linux(
                        List.of(new RuntimeSpec.Namespace("pid", null), new RuntimeSpec.Namespace("mount", null)),
                        null,
                        "/" + fx.cgroupParent + "/raw",
                        null,
                        null,
                        null,
                        null));
        dev.jcompose.oci.BundleWriter.write(bundle, spec);
        ProcessCommandRunner runner = new ProcessCommandRunner();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n + 3; i++) {
            long t0 = System.nanoTime();
            runner.run(Command.of(
                            fx.oci.path().toString(),
                            "--root",
                            fx.dir.resolve("rawroot").toString(),
                            "run",
                            "--bundle",
                            bundle.toString(),
                            "raw" + i))
                    .orThrow();
            if (i >= 3) {
                times.add(System.nanoTime() - t0);
            }
        }
        Files.walk(fx.dir.resolve("rawroot"))
                .sorted(Collections.reverseOrder())
                .forEach(p -> p.toFile().delete());
        return times;
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        System.out.printf(
                "%-55s n=%d median %.1f ms  p90 %.1f ms  min %.1f ms%n",
                what, s.size(), s.get(s.size() / 2) / 1e6, s.get((int) (s.size() * 0.9)) / 1e6, s.get(0) / 1e6);
    }
}
