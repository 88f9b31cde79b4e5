package dev.jcompose.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The builder alone, in one JVM (no CLI start, no engine socket), on the context {@code bench/build.sh}
 * prepares: cold (no cache), fully cached, and one source file changed; N builds each, medians in ms.
 * Usage: BuildBenchMain CONTEXT_DIR N
 */
public final class BuildBenchMain {
    private BuildBenchMain() {}

    public static void main(String[] args) throws Exception {
        Path context = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        try (BuildFixture fx = new BuildFixture()) {
            BuildRequest cached = fx.request(context, "bench:latest", Map.of(), null, false);
            BuildRequest cold = fx.request(context, "bench:latest", Map.of(), null, true);
            fx.build(cached); // warm the JVM and the cache
            List<Long> colds = new ArrayList<>();
            List<Long> hits = new ArrayList<>();
            List<Long> changed = new ArrayList<>();
            Path source = context.resolve("src/b.txt");
            for (int i = 0; i < n; i++) {
                colds.add(time(fx, cold));
                hits.add(time(fx, cached));
                Files.writeString(source, "b " + i + "\n");
                changed.add(time(fx, cached));
            }
            Files.writeString(source, "b\n");
            System.out.println("builder cold (no cache)   : median " + median(colds) + " ms (n=" + n + ")");
            System.out.println("builder fully cached      : median " + median(hits) + " ms (n=" + n + ")");
            System.out.println("builder one file changed  : median " + median(changed) + " ms (n=" + n + ")");
        }
    }

    private static long time(BuildFixture fx, BuildRequest r) {
        long start = System.nanoTime();
        fx.build(r);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }
}
