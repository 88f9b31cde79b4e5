package dev.jcompose.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs commands as child processes of the JVM. Blocking: call it off the event loop. */
public final class ProcessCommandRunner implements CommandRunner {

    @Override
    public CommandResult run(Command command) {
        ProcessBuilder pb = new ProcessBuilder(command.argv());
        pb.environment().putAll(command.env());
        if (command.workingDir() != null) {
            pb.directory(command.workingDir().toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new CommandFailedException(command, e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(command.stdin());
        } catch (IOException e) {
            // The program may exit without reading its input; its exit code tells what happened.
        }
        try {
            if (!p.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                return new CommandResult(
                        command,
                        124,
                        text(out),
                        "timed out after " + command.timeout() + System.lineSeparator() + text(err));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CommandFailedException(command, "interrupted", e);
        }
        return new CommandResult(command, p.exitValue(), text(out), text(err));
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (in;
                            ByteArrayOutputStream buf = new ByteArrayOutputStream()) {
                        in.transferTo(buf);
                        return buf.toByteArray();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                Thread::startVirtualThread);
    }

    private static String text(CompletableFuture<byte[]> f) {
        return new String(f.join(), StandardCharsets.UTF_8);
    }
}
