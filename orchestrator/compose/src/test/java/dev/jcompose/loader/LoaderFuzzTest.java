package dev.jcompose.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.JcomposeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the loader and what runs right after it ({@link ConfigRun}): every
 * mutated compose file must load or fail with a {@link JcomposeException}; anything else (a
 * StackOverflowError, an InvalidPathException, a NullPointerException...) is a crash, and an input
 * that takes longer than {@link #PER_INPUT} is a hang. The seed and count are fixed, so CI runs
 * the same inputs every time; {@code -Djcompose.fuzz.seed=N -Djcompose.fuzz.inputs=M} explores
 * further. Failing inputs are saved under {@code target/fuzz-failures} to reproduce.
 */
class LoaderFuzzTest {
    static final List<String> SEEDS = List.of("web-stack.yaml", "workers.yml", "include-main.yaml", "odd-scalars.yaml");
    static final String DOT_ENV = "TAG=1.2\nLEVEL=debug\nexport QUOTED=\"a ${TAG} \\n b\"\nSINGLE='x $y'\n"
            + "MULTI=\"line1\nline2\"\nEMPTY=\n# comment\nINLINE=v # c\nREF=${LEVEL:-x}\n";
    static final Duration PER_INPUT = Duration.ofSeconds(10);
    static final Duration BUDGET = Duration.ofSeconds(150);

    @TempDir
    Path tmp;

    @Test
    void mutatedComposeFilesLoadOrFailCleanly() throws Exception {
        long seed = Long.getLong("jcompose.fuzz.seed", 20_261_207L);
        int inputs = Integer.getInteger("jcompose.fuzz.inputs", 1200);
        List<byte[]> seeds = SEEDS.stream().map(LoaderFuzzTest::resource).toList();
        ComposeMutator mutator = new ComposeMutator(seed, seeds);
        ComposeMutator dotEnvs = new ComposeMutator(seed + 1, List.of(DOT_ENV.getBytes(StandardCharsets.UTF_8)));
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "loader-fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < inputs && failures.size() < 10; i++) {
                byte[] input = mutator.next();
                Path dir = project(i);
                if (i % 5 == 4) {
                    // every fifth input also gets a mutated .env (the dotenv parser and interpolation)
                    new ConfigRun(dir).write(".env", dotEnvs.next());
                }
                Future<Throwable> result = worker.submit(() -> loadOnce(dir, input));
                Throwable crash;
                try {
                    crash = result.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    result.cancel(true);
                    failures.add(save(i, input, "took longer than " + PER_INPUT));
                    break; // the worker is stuck; later inputs would only queue behind it
                } catch (ExecutionException e) {
                    crash = e.getCause();
                }
                if (crash != null) {
                    failures.add(save(i, input, describe(crash)));
                }
                if (System.nanoTime() > deadline) {
                    failures.add("the run went past its budget of " + BUDGET + " after " + (i + 1) + " inputs");
                    break;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(failures).as("crashes and hangs (seed %d)", seed).isEmpty();
    }

    @Test
    void everySeedLoads() {
        for (int i = 0; i < SEEDS.size(); i++) {
            ConfigRun run = setUp(project(1000 + i), resource(SEEDS.get(i)));
            assertThat(run.config()).as(SEEDS.get(i)).contains("\"services\"");
        }
    }

    private static ConfigRun setUp(Path dir, byte[] input) {
        ConfigRun run = new ConfigRun(dir);
        run.processEnv = Map.of("HOME", "/home/tester", "IMAGE", "app:1", "CERT", "pem", "OUTER", "o", "REQ", "r");
        return run.write("compose.yaml", input);
    }

    /** null when the input loaded or was refused with a JcomposeException; the crash otherwise. */
    private static Throwable loadOnce(Path dir, byte[] input) {
        ConfigRun run = setUp(dir, input);
        try {
            run.config();
            return null;
        } catch (JcomposeException expected) {
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** A project directory with the files the seeds refer to. */
    private Path project(int i) {
        ConfigRun files = new ConfigRun(tmp.resolve("p" + i));
        files.write(".env", "TAG=1.2\nLEVEL=debug\n");
        files.write("app.env", "FROM_FILE=1\nQUOTED=\"a b\"\n");
        files.write("token.txt", "secret\n");
        files.write("nginx.conf", "events {}\n");
        files.write("inc/compose.yaml", "services:\n  included:\n    image: busybox\n    env_file: .env\n");
        files.write("inc/other.yaml", "services:\n  other:\n    image: ${OTHER_IMAGE:-alpine}\n");
        files.write("inc/.env", "OTHER_IMAGE=busybox\n");
        return files.dir;
    }

    private static String describe(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return t.getClass().getName() + ": " + t.getMessage() + (frames.length > 0 ? " at " + frames[0] : "");
    }

    private static String save(int i, byte[] input, String what) {
        Path out = Path.of("target", "fuzz-failures", "input-" + i + ".yaml");
        try {
            Files.createDirectories(out.getParent());
            Files.write(out, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "input " + i + " (" + out + "): " + what;
    }

    private static byte[] resource(String name) {
        try (InputStream in = LoaderFuzzTest.class.getResourceAsStream("/fuzz/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
