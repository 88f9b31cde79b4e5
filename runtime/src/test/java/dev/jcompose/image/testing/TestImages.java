package dev.jcompose.image.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.content.Digest;
import dev.jcompose.image.Descriptor;
import dev.jcompose.image.Manifest;
import dev.jcompose.image.Manifests;
import dev.jcompose.image.MediaTypes;
import dev.jcompose.image.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds small real OCI images from Debian's busybox-static ({@code /bin/busybox}): one gzip layer with
 * busybox, applet symlinks in /bin, /etc/passwd and /etc/group (root, app 1000, nobody 65534), and a
 * config with the chosen Entrypoint/Cmd/Env/WorkingDir/User. Byte-for-byte deterministic.
 */
public final class TestImages {
    public static final Path BUSYBOX = Path.of("/bin/busybox");
    /** The applets linked into /bin (all present in Debian 12's busybox-static). */
    public static final List<String> APPLETS = List.of(
            "[",
            "awk",
            "base64",
            "basename",
            "cat",
            "chmod",
            "chown",
            "cp",
            "cut",
            "date",
            "dd",
            "df",
            "dirname",
            "du",
            "echo",
            "env",
            "expr",
            "false",
            "find",
            "free",
            "grep",
            "gunzip",
            "gzip",
            "head",
            "hexdump",
            "hostname",
            "httpd",
            "id",
            "ifconfig",
            "ip",
            "kill",
            "killall",
            "ln",
            "ls",
            "mkdir",
            "mkfifo",
            "mktemp",
            "mount",
            "mv",
            "nc",
            "netstat",
            "nproc",
            "nslookup",
            "od",
            "pidof",
            "ping",
            "printf",
            "ps",
            "pwd",
            "readlink",
            "realpath",
            "rm",
            "rmdir",
            "sed",
            "seq",
            "setsid",
            "sh",
            "sha256sum",
            "sleep",
            "sort",
            "stat",
            "su",
            "sync",
            "tail",
            "tar",
            "tee",
            "test",
            "timeout",
            "top",
            "touch",
            "tr",
            "true",
            "truncate",
            "umount",
            "uname",
            "uniq",
            "uptime",
            "usleep",
            "wc",
            "wget",
            "which",
            "whoami",
            "xargs",
            "yes");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private TestImages() {}

    /** True when busybox-static is installed; tests use it in an assumption. */
    public static boolean available() {
        return Files.isExecutable(BUSYBOX);
    }

    public static Builder busybox() {
        return new Builder();
    }

    /** Options of one image; every setter returns the builder. */
    public static final class Builder {
        private Platform platform = new Platform("linux", "amd64", "");
        private List<String> entrypoint;
        private List<String> cmd = List.of("sh");
        private final List<String> env =
                new ArrayList<>(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        private String workingDir = "";
        private String user = "";
        private final Map<String, String> labels = new TreeMap<>();
        private final TreeSet<String> exposed = new TreeSet<>();
        private final TreeSet<String> volumes = new TreeSet<>();
        private String stopSignal = "";
        private final Map<String, byte[]> files = new LinkedHashMap<>();

        public Builder platform(Platform p) {
            this.platform = p;
            return this;
        }

        public Builder entrypoint(String... argv) {
            this.entrypoint = List.of(argv);
            return this;
        }

        public Builder cmd(String... argv) {
            this.cmd = List.of(argv);
            return this;
        }

        public Builder env(String... kv) {
            env.addAll(List.of(kv));
            return this;
        }

        public Builder workingDir(String dir) {
            this.workingDir = dir;
            return this;
        }

        public Builder user(String u) {
            this.user = u;
            return this;
        }

        public Builder label(String k, String v) {
            labels.put(k, v);
            return this;
        }

        public Builder expose(String port) {
            exposed.add(port);
            return this;
        }

        public Builder volume(String path) {
            volumes.add(path);
            return this;
        }

        public Builder stopSignal(String s) {
            this.stopSignal = s;
            return this;
        }

        /** An extra file in the layer (mode 0644), e.g. a test page for httpd. */
        public Builder file(String path, String content) {
            files.put(path, content.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public TestImage build() {
            byte[] tar = rootfs();
            byte[] layer = DeterministicTar.gzip(tar);
            byte[] config = config(Digest.sha256(tar));
            Manifest m = new Manifest(
                    MediaTypes.OCI_MANIFEST,
                    new Descriptor(MediaTypes.OCI_CONFIG, Digest.sha256(config), config.length),
                    List.of(new Descriptor(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(layer), layer.length)));
            return new TestImage(platform, tar, layer, config, Manifests.write(m));
        }

        private byte[] rootfs() {
            DeterministicTar t = new DeterministicTar();
            for (String d :
                    List.of("bin", "dev", "etc", "home", "proc", "root", "sys", "usr", "usr/bin", "var", "var/www")) {
                t.dir(d, 0755);
            }
            t.dir("tmp", 01777);
            t.dir("home/app", 0755);
            try {
                t.file("bin/busybox", Files.readAllBytes(BUSYBOX), 0755);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "busybox-static is needed for test images (apt-get install busybox-static)", e);
            }
            APPLETS.forEach(a -> t.symlink("bin/" + a, "busybox"));
            t.file(
                    "etc/passwd",
                    "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n"
                            + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
            t.file("etc/group", "root:x:0:\napp:x:1000:\nnobody:x:65534:\n");
            files.forEach((p, data) -> t.file(p, data, 0644));
            return t.toBytes();
        }

        private byte[] config(Digest diffId) {
            ObjectNode root = JSON.createObjectNode();
            root.put("architecture", platform.architecture());
            root.put("os", platform.os());
            if (!platform.variant().isEmpty()) {
                root.put("variant", platform.variant());
            }
            root.put("created", "2000-01-01T00:00:00Z");
            ObjectNode c = root.putObject("config");
            if (entrypoint != null) {
                strings(c.putArray("Entrypoint"), entrypoint);
            }
            if (cmd != null) {
                strings(c.putArray("Cmd"), cmd);
            }
            strings(c.putArray("Env"), env);
            c.put("WorkingDir", workingDir);
            c.put("User", user);
            if (!labels.isEmpty()) {
                ObjectNode l = c.putObject("Labels");
                labels.forEach(l::put);
            }
            if (!exposed.isEmpty()) {
                ObjectNode p = c.putObject("ExposedPorts");
                exposed.forEach(p::putObject);
            }
            if (!volumes.isEmpty()) {
                ObjectNode v = c.putObject("Volumes");
                volumes.forEach(v::putObject);
            }
            if (!stopSignal.isEmpty()) {
                c.put("StopSignal", stopSignal);
            }
            ObjectNode rootfs = root.putObject("rootfs");
            rootfs.put("type", "layers");
            rootfs.putArray("diff_ids").add(diffId.toString());
            try {
                return JSON.writeValueAsBytes(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void strings(ArrayNode a, List<String> values) {
            values.forEach(a::add);
        }
    }

    /** Two images of the same rootfs for linux/amd64 and linux/arm64 (the arm64 one would not run here). */
    public static TestIndex twoPlatforms() {
        return new TestIndex(List.of(
                busybox()
                        .platform(new Platform("linux", "amd64", ""))
                        .env("PLATFORM=amd64")
                        .build(),
                busybox()
                        .platform(new Platform("linux", "arm64", ""))
                        .env("PLATFORM=arm64")
                        .build()));
    }
}
