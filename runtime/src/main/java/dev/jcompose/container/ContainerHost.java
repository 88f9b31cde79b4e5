package dev.jcompose.container;

import dev.jcompose.host.Clock;
import dev.jcompose.host.CommandRunner;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.ImageNotFoundException;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.Platform;
import dev.jcompose.image.RegistryConfig;
import dev.jcompose.rootfs.UnpackLimits;
import java.util.Map;

/**
 * Everything jcompose runs containers with on this machine, wired from the OS seams: the image side
 * ({@link HostImages}: image store, puller, loader, snapshots) and the probe-selected OCI runtime
 * under the {@link ContainerRuntime}. The CLI's image commands hold it; the engine holds the same
 * {@link HostImages} next to its own runtime.
 *
 * <p>Pulled and loaded images are unpacked at once (as containerd does), so a corrupt or hostile
 * layer fails the pull, not a later {@code up}. Snapshot pruning excludes unpacks and container
 * creation, in this process and in others on the same data root ({@link RootfsLock}).
 */
public final class ContainerHost {
    /** Host-wide settings; {@link #defaults} suits a real host. */
    public record Settings(
            RegistryConfig registry,
            Platform platform,
            String cgroupParent,
            UnpackLimits limits,
            Map<String, String> env) {
        public Settings {
            env = Map.copyOf(env);
        }

        public static Settings defaults(Map<String, String> env) {
            return new Settings(RegistryConfig.defaults(env), Platform.host(), "jcompose", UnpackLimits.DEFAULT, env);
        }

        public Settings withRegistry(RegistryConfig r) {
            return new Settings(r, platform, cgroupParent, limits, env);
        }

        public Settings withPlatform(Platform p) {
            return new Settings(registry, p, cgroupParent, limits, env);
        }

        public Settings withCgroupParent(String parent) {
            return new Settings(registry, platform, parent, limits, env);
        }
    }

    private final HostImages images;
    private final ContainerRuntime containers;

    public ContainerHost(HostPaths paths, CommandRunner runner, Clock clock, Settings settings) {
        OciRuntime oci = new RuntimeProbe(runner, paths, settings.env()).select(settings.env());
        this.containers = new ConmonRuntime(paths, runner, clock, oci, RuntimeConfig.detect(settings.cgroupParent()));
        this.images = new HostImages(
                paths,
                new HostImages.Settings(settings.registry(), settings.platform(), settings.limits()),
                containers::list);
    }

    public ContainerRuntime containers() {
        return containers;
    }

    /** The image side: pull, load, remove, prune, and images prepared as root file systems. */
    public HostImages hostImages() {
        return images;
    }

    /** Creates a container from the stored image {@code image} (a name or digest). */
    public ContainerRecord create(String image, NewContainer c) {
        ImageRecord stored = images.find(image).orElseThrow(() -> new ImageNotFoundException(image));
        return images.withRootfs(
                stored,
                p -> containers.create(new CreateRequest(
                        c.id(),
                        c.name(),
                        c.labels(),
                        c.configHash(),
                        images.snapshots().root(),
                        p.layers(),
                        p.defaults(),
                        c.spec(),
                        c.hostsFile(),
                        c.resolvConf(),
                        c.hostnameFile(),
                        p.ref())));
    }
}
