package dev.jcompose.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The leak check every root test uses: a snapshot of the host resources jcompose can create
 * (mounts, network namespaces, links, iptables rules, cgroups, processes, files under watched
 * directories), taken before and after a test and compared with {@link #assertSameAs}.
 */
public record HostSnapshot(Map<String, SortedSet<String>> facets) {
    private static final CommandRunner RUNNER = new ProcessCommandRunner();

    /** Takes a snapshot; {@code watchedDirs} are listed recursively (e.g. a test's run root). */
    public static HostSnapshot take(Path... watchedDirs) {
        Map<String, SortedSet<String>> f = new TreeMap<>();
        f.put("mounts", mounts());
        f.put("netns", lines("ip", "netns", "list"));
        f.put("links", links());
        f.put("iptables", iptables());
        f.put("cgroups", cgroups());
        f.put("processes", processes());
        SortedSet<String> files = new TreeSet<>();
        for (Path d : watchedDirs) {
            files.addAll(tree(d));
        }
        f.put("files", files);
        return new HostSnapshot(f);
    }

    /**
     * This snapshot restricted to entries containing one of {@code needles} (a test's temp dir, its
     * unique cgroup parent...), so tests of several engineers running at once on one host do not see
     * each other's containers as leaks.
     */
    public HostSnapshot scopedTo(String... needles) {
        Map<String, SortedSet<String>> f = new TreeMap<>();
        for (var e : facets.entrySet()) {
            SortedSet<String> kept = new TreeSet<>();
            for (String s : e.getValue()) {
                for (String n : needles) {
                    if (s.contains(n)) {
                        kept.add(s);
                        break;
                    }
                }
            }
            f.put(e.getKey(), kept);
        }
        return new HostSnapshot(f);
    }

    /** Throws an AssertionError listing what appeared or vanished since {@code before}. */
    public void assertSameAs(HostSnapshot before) {
        List<String> diffs = new ArrayList<>();
        for (var e : before.facets.entrySet()) {
            SortedSet<String> now = facets.getOrDefault(e.getKey(), new TreeSet<>());
            for (String s : now) {
                if (!e.getValue().contains(s)) {
                    diffs.add("leaked " + e.getKey() + ": " + s);
                }
            }
            for (String s : e.getValue()) {
                if (!now.contains(s)) {
                    diffs.add("removed " + e.getKey() + ": " + s);
                }
            }
        }
        if (!diffs.isEmpty()) {
            throw new AssertionError("host state changed:\n  " + String.join("\n  ", diffs));
        }
    }

    private static SortedSet<String> lines(String... argv) {
        CommandResult r = RUNNER.run(Command.of(argv));
        SortedSet<String> out = new TreeSet<>();
        if (r.ok()) {
            r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
        }
        return out;
    }

    private static SortedSet<String> mounts() {
        SortedSet<String> out = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] parts = line.split(" ");
                out.add(parts[4] + " " + parts[parts.length - 3 >= 0 ? indexOfFsType(parts) : 0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int indexOfFsType(String[] parts) {
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("-")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static SortedSet<String> links() {
        SortedSet<String> out = new TreeSet<>();
        for (String l : lines("ip", "-o", "link", "show")) {
            String[] p = l.split(":\\s+", 3);
            if (p.length > 1) {
                out.add(p[1].replaceAll("@.*", ""));
            }
        }
        return out;
    }

    private static SortedSet<String> iptables() {
        SortedSet<String> out = new TreeSet<>();
        for (String table : List.of("filter", "nat")) {
            for (String l : lines("iptables-save", "-t", table)) {
                if (!l.startsWith("#") && !l.startsWith("COMMIT")) {
                    // Chain counters change with traffic; only the rules and chain names matter.
                    out.add(table + " " + l.replaceAll("\\[\\d+:\\d+\\]", ""));
                }
            }
        }
        return out;
    }

    private static SortedSet<String> cgroups() {
        SortedSet<String> out = new TreeSet<>();
        Path root = Path.of("/sys/fs/cgroup");
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.find(
                root,
                6,
                (p, a) -> a.isDirectory()
                        && p.getFileName() != null
                        && p.getFileName().toString().contains("jcompose"))) {
            s.forEach(p -> out.add(root.relativize(p).toString()));
        } catch (IOException | UncheckedIOException e) {
            // cgroup trees can change while walked; a vanished directory is not a leak.
        }
        return out;
    }

    private static SortedSet<String> processes() {
        SortedSet<String> out = new TreeSet<>();
        ProcessHandle.allProcesses()
                .forEach(p -> p.info().command().ifPresent(cmd -> {
                    Path file = Path.of(cmd).getFileName();
                    String name = file == null ? cmd : file.toString(); // a command of "/" has no file name
                    if (name.equals("conmon")
                            || name.equals("runc")
                            || name.equals("crun")
                            || p.info().commandLine().orElse("").contains("jcompose")) {
                        out.add(p.pid() + " " + p.info().commandLine().orElse(cmd));
                    }
                }));
        out.removeIf(s -> s.startsWith(ProcessHandle.current().pid() + " "));
        return out;
    }

    private static SortedSet<String> tree(Path dir) {
        SortedSet<String> out = new TreeSet<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.forEach(p -> out.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
