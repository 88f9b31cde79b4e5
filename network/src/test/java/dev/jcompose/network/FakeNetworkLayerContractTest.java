package dev.jcompose.network;

import dev.jcompose.ipam.Ipv4;
import java.util.List;

/** The contract against the in-memory fake: no root, no sockets. */
class FakeNetworkLayerContractTest extends NetworkLayerContract {

    @Override
    protected Subject open() {
        return new Subject() {
            private FakeNetworkLayer layer = new FakeNetworkLayer();

            @Override
            public NetworkLayer layer() {
                return layer;
            }

            @Override
            public NetworkLayer restart() {
                layer.dns().close();
                layer = layer.restarted();
                return layer;
            }

            @Override
            public List<Ipv4> resolve(NetworkRecord network, String name) {
                return layer.dns().lookup(network.name(), name);
            }

            @Override
            public void close() {
                layer.dns().close();
            }
        };
    }
}
