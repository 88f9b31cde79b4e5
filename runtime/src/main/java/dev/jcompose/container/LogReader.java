package dev.jcompose.container;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads conmon's k8s-file logs: one record per line, {@code <RFC3339Nano> <stdout|stderr> <F|P> <text>};
 * P marks a partial line (conmon splits long lines), joined with the following records of the
 * same stream up to the next F.
 */
public final class LogReader {
    private final Path file;

    public LogReader(Path file) {
        this.file = file;
    }

    /** All complete records; the last {@code tail} only when tail >= 0. */
    public List<LogLine> read(int tail) {
        List<LogLine> out = new ArrayList<>();
        Parser p = new Parser(out::add);
        try {
            if (Files.exists(file)) {
                for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    p.accept(l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tail >= 0 && out.size() > tail ? List.copyOf(out.subList(out.size() - tail, out.size())) : out;
    }

    /**
     * Streams records as they are written until {@code done} says the writer is finished (the
     * container exited) and the file is drained. Polls the file size every 20 ms.
     */
    public void follow(Consumer<LogLine> sink, BooleanSupplier done) {
        Parser p = new Parser(sink);
        long pos = 0;
        StringBuilder pending = new StringBuilder();
        try {
            while (true) {
                boolean finished = done.getAsBoolean();
                if (Files.exists(file)) {
                    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                        if (raf.length() > pos) {
                            raf.seek(pos);
                            byte[] buf = new byte[(int) Math.min(raf.length() - pos, 1 << 20)];
                            raf.readFully(buf);
                            pos += buf.length;
                            pending.append(new String(buf, StandardCharsets.UTF_8));
                            int nl;
                            while ((nl = pending.indexOf("\n")) >= 0) {
                                p.accept(pending.substring(0, nl));
                                pending.delete(0, nl + 1);
                            }
                            continue;
                        }
                    }
                }
                // Also done when the reader is interrupted (a cancelled follow), or when the log is gone
                // after we read from it (the container was removed before its exit was seen).
                if (finished || Thread.currentThread().isInterrupted() || pos > 0 && !Files.exists(file)) {
                    return;
                }
                LockSupport.parkNanos(20_000_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses lines and joins partial records. */
    static final class Parser {
        private final Consumer<LogLine> sink;
        private final StringBuilder[] partial = {new StringBuilder(), new StringBuilder()};

        Parser(Consumer<LogLine> sink) {
            this.sink = sink;
        }

        void accept(String line) {
            String[] f = line.split(" ", 4);
            if (f.length < 3) {
                return;
            }
            LogLine.Stream stream = f[1].equals("stderr") ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT;
            String text = f.length == 4 ? f[3] : "";
            StringBuilder buf = partial[stream.ordinal()];
            buf.append(text);
            if (f[2].equals("P")) {
                return;
            }
            Instant t = OffsetDateTime.parse(f[0]).toInstant();
            sink.accept(new LogLine(t, stream, buf.toString()));
            buf.setLength(0);
        }
    }
}
