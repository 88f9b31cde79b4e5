package dev.jcompose.network;

import dev.jcompose.bridge.NetworkSpec;
import dev.jcompose.endpoint.AttachmentRequest;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.endpoint.NetworkMode;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.nat.PortRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * A child JVM for the crash tests: sets up a network and an endpoint and, at the named fault
 * point, prints "AT point" and hangs until the parent SIGKILLs it.
 */
public final class RecoveryChild {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String stopAt = args[1];
        FaultPoint hang = point -> {
            if (point.equals(stopAt)) {
                System.out.println("AT " + point);
                System.out.flush();
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        };
        NetworkLayer layer = new KernelNetworkLayer(
                new HostPaths(root.resolve("data"), root.resolve("run")),
                new ProcessCommandRunner(),
                KernelNetworkLayer.Options.defaults().withFaults(hang),
                NetworkLayer.Dns.NONE);
        layer.networks().ensure(NetworkSpec.of("jt_crash"));
        layer.endpoints()
                .attach(new EndpointSpec(
                        "jt-crash-1",
                        List.of("crash"),
                        new NetworkMode.Bridge(),
                        List.of(AttachmentRequest.of("jt_crash")),
                        List.of(PortRequest.of("tcp", 18123, 80))));
        System.out.println("DONE");
    }
}
