package dev.jcompose.build;

import dev.jcompose.dockerfile.Heredoc;
import dev.jcompose.dockerfile.Instruction;
import dev.jcompose.dockerfile.SourceLine;
import dev.jcompose.rootfs.NativeFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** COPY instructions as the parser would give them, and a record of the owners a copy sets. */
final class Copies {
    private Copies() {}

    static Instruction.Copy copy(String dest, String... sources) {
        return with(false, dest, List.of(), List.of(), sources);
    }

    static Instruction.Copy add(String dest, String... sources) {
        return with(true, dest, List.of(), List.of(), sources);
    }

    static Instruction.Copy excluding(List<String> excludes, String dest, String... sources) {
        return with(false, dest, excludes, List.of(), sources);
    }

    static Instruction.Copy heredoc(String dest, Heredoc... docs) {
        List<String> names = Stream.of(docs).map(Heredoc::name).toList();
        return with(false, dest, List.of(), List.of(docs), names.toArray(String[]::new));
    }

    static Instruction.Copy with(
            boolean add, String dest, List<String> excludes, List<Heredoc> heredocs, String... sources) {
        String keyword = add ? "ADD" : "COPY";
        SourceLine at =
                new SourceLine("Dockerfile", 7, keyword, keyword + " " + String.join(" ", sources) + " " + dest);
        return new Instruction.Copy(
                at, add, List.of(sources), dest, heredocs, null, null, null, false, excludes, false, null);
    }

    /** The owners a copy set, by path relative to the root. */
    static final class Owners implements CopyWriter.Lchown {
        private final Path root;
        final Map<String, String> set = new TreeMap<>();

        Owners(Path root) {
            this.root = root;
        }

        @Override
        public void lchown(Path path, int uid, int gid) {
            set.put(root.relativize(path).toString(), uid + ":" + gid);
        }
    }

    /** Applies {@code plan} into {@code root}, recording owners instead of setting them (no root needed). */
    static Owners apply(CopyPlan plan, Path root, Ownership owner, Integer chmod) {
        Owners owners = new Owners(root.toAbsolutePath().normalize());
        plan.apply(root, owner, chmod, new NativeFs(), owners);
        return owners;
    }

    /** Every path under {@code dir} (relative, sorted), symlinks shown as {@code name -> target}. */
    static List<String> tree(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted().toList()) {
                if (p.equals(dir)) {
                    continue;
                }
                String rel = dir.relativize(p).toString();
                out.add(Files.isSymbolicLink(p) ? rel + " -> " + Files.readSymbolicLink(p) : rel);
            }
        }
        return out;
    }

    static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }
}
