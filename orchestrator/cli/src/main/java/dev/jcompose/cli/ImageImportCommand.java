package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.archive.ImageChanges;
import dev.jcompose.archive.RootfsImport;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageReference;
import dev.jcompose.image.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose image import ROOTFS.tar NAME[:TAG]}: a one-layer image from a root filesystem
 * tarball, like {@code docker import}, with {@code --change} setting CMD, ENTRYPOINT, ENV, WORKDIR, USER.
 */
@Command(name = "import", description = "Create an image from a root filesystem tarball.")
final class ImageImportCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ImageCommand image;

    @Option(
            names = {"-c", "--change"},
            paramLabel = "INSTRUCTION",
            description =
                    "Apply a Dockerfile instruction to the image (CMD, ENTRYPOINT, ENV, WORKDIR, USER; repeatable).")
    List<String> changes = new ArrayList<>();

    @Option(
            names = "--platform",
            paramLabel = "OS/ARCH",
            description = "Set the image's platform (default: this host's).")
    String platform;

    @Parameters(index = "0", paramLabel = "FILE", description = "The root filesystem tarball (plain or gzip).")
    Path tarball;

    @Parameters(index = "1", paramLabel = "NAME[:TAG]", description = "The image's name.")
    String name;

    @Override
    public Integer call() {
        ImageChanges parsed = ImageChanges.parse(changes);
        String reference = ImageReference.parse(name).toString();
        Path file = image.main.host().workingDir().resolve(tarball);
        if (!Files.isRegularFile(file)) {
            throw new JcomposeException(
                    "cannot import " + file + ": no such file",
                    "give the path of a root filesystem tarball",
                    ExitCode.FILE_NOT_FOUND);
        }
        Platform target = platform == null ? Platform.host() : Platform.parse(platform);
        Path layout = null;
        try {
            layout = Files.createTempDirectory("jcompose-import-");
            RootfsImport.write(file, reference, parsed, target, layout.resolve("layout"));
            List<ImageRecord> loaded = image.host().hostImages().load(layout.resolve("layout"));
            loaded.forEach(r -> image.out().println(r.id()));
            image.out().flush();
            return ExitCode.SUCCESS;
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot import " + file + ": " + e.getMessage(), "check free space in /tmp", ExitCode.FAILURE, e);
        } finally {
            delete(layout);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
