package dev.jcompose.network;

import dev.jcompose.endpoint.AttachmentRequest;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.endpoint.NetworkMode;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.nat.PortRequest;
import java.nio.file.Path;
import java.util.List;

/** A child JVM for the cross-process test: attaches N endpoints with a random port each to jt_procs. */
public final class ParallelChild {
    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        NetworkLayer layer = new KernelNetworkLayer(
                new HostPaths(root.resolve("data"), root.resolve("run")),
                new ProcessCommandRunner(),
                KernelNetworkLayer.Options.defaults(),
                NetworkLayer.Dns.NONE);
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            layer.endpoints()
                    .attach(new EndpointSpec(
                            args[1] + i,
                            List.of("procs"),
                            new NetworkMode.Bridge(),
                            List.of(AttachmentRequest.of("jt_procs")),
                            List.of(PortRequest.random("tcp", 80))));
        }
    }
}
