package dev.jcompose.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * conmon's attach side, played by python3 (which opens SOCK_SEQPACKET sockets): binds
 * {@code <bundle>/attach}, sends "hi" on stdout and "oops" on stderr in conmon's packet format,
 * reads the client's input until it shuts its side down, echoes it as {@code got:<input>}, closes.
 */
final class FakeConmon implements AutoCloseable {
    static final String SCRIPT = """
            import os, socket, sys
            bundle = sys.argv[1]
            s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            s.bind(os.path.join(bundle, "attach"))
            s.listen(1)
            open(os.path.join(bundle, "ready"), "w").close()
            c, _ = s.accept()
            c.sendall(b"\\x02hi\\n")
            c.sendall(b"\\x03oops\\n")
            data = b""
            while True:
                d = c.recv(65536)
                if not d:
                    break
                data += d
            c.sendall(b"\\x02got:" + data)
            c.close()
            s.close()
            """;

    private final Process process;

    private FakeConmon(Process process) {
        this.process = process;
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/python3"));
    }

    static FakeConmon start(Path bundle) throws IOException, InterruptedException {
        Files.createDirectories(bundle);
        Process p = new ProcessBuilder("python3", "-c", SCRIPT, bundle.toString())
                .inheritIO()
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(bundle.resolve("ready")) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling a condition with a deadline: python's start-up
        }
        if (!Files.exists(bundle.resolve("ready"))) {
            p.destroyForcibly();
            throw new IllegalStateException("the fake conmon did not start");
        }
        return new FakeConmon(p);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
