package dev.jcompose.stack;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.build.BuildListener;
import dev.jcompose.build.BuildRequest;
import dev.jcompose.build.ImageBuilder;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ContainerRuntime;
import dev.jcompose.container.HostImages;
import dev.jcompose.container.ImageRootfs;
import dev.jcompose.image.ImageConfig;
import dev.jcompose.image.PullListener;
import dev.jcompose.image.PushListener;
import dev.jcompose.observe.Labels;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ImageSource} over the runtime's {@link HostImages}: the one image-to-rootfs path (snapshots
 * keyed by verified diff_id, under the rootfs lock); pulls when {@code pull} allows it.
 */
public final class LocalImages implements ImageSource {
    private final HostImages images;
    private final boolean pull;
    private final ImageBuilder builder;

    /**
     * @param pull    false when pulling is not available (offline tests): a missing image is an error
     * @param builder builds the images of services with a build section
     */
    public LocalImages(HostImages images, boolean pull, ImageBuilder builder) {
        this.images = images;
        this.pull = pull;
        this.builder = builder;
    }

    @Override
    public void build(BuildRequest request, BuildListener listener) {
        builder.build(request, listener);
    }

    /**
     * The stack's containers as image removal sees them: those made before containers recorded their
     * {@code ImageRef} still carry the image ID label.
     */
    static HostImages.Users users(ContainerRuntime runtime) {
        return new HostImages.Users() {
            @Override
            public List<ContainerRecord> containers() {
                return runtime.list();
            }

            @Override
            public Optional<String> imageId(ContainerRecord c) {
                return c.imageRef() != null
                        ? Optional.of(c.imageRef().id())
                        : Optional.ofNullable(c.labels().get(Labels.IMAGE));
            }
        };
    }

    @Override
    public Optional<ResolvedImage> resolve(String reference) {
        return images.find(reference).map(r -> images.withRootfs(r, this::resolved));
    }

    @Override
    public <T> T holdingSnapshots(Supplier<T> create) {
        return images.holdingSnapshots(create);
    }

    private ResolvedImage resolved(ImageRootfs.Prepared p) {
        List<String> health = p.image()
                .config()
                .healthcheckOptional()
                .map(ImageConfig.Healthcheck::test)
                .orElse(null);
        return new ResolvedImage(
                p.image().name(),
                p.image().id().toString(),
                p.defaults(),
                images.snapshots().root(),
                p.layers(),
                health,
                List.copyOf(p.image().config().exposedPorts()));
    }

    @Override
    public void pull(String reference) {
        if (!pull) {
            throw new JcomposeException(
                    "cannot pull " + reference + ": no registry access is configured",
                    "load the image locally first",
                    ExitCode.PULL);
        }
        images.pull(reference, PullListener.NONE);
    }

    @Override
    public void push(String reference, PushListener listener) {
        if (!pull) {
            throw new JcomposeException(
                    "cannot push " + reference + ": no registry access is configured",
                    "push from a jcompose with registry access",
                    ExitCode.FAILURE);
        }
        images.push(reference, listener);
    }
}
