package dev.jcompose.image;

import dev.jcompose.content.Digest;
import dev.jcompose.host.HostPaths;
import java.nio.file.Path;

/** Child process of {@link ImageStoreTest}: tags one manifest under many names, racing its parent. */
public final class IndexWriterMain {
    private IndexWriterMain() {}

    public static void main(String[] args) {
        ImageStore store = ImageStore.under(new HostPaths(Path.of(args[0]), Path.of(args[0], "run")));
        Digest manifest = Digest.parse(args[2]);
        for (int i = 0; i < Integer.parseInt(args[3]); i++) {
            store.put("example.com/" + args[1] + ":" + i, manifest, manifest);
        }
    }
}
