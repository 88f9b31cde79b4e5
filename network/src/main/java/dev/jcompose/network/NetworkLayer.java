package dev.jcompose.network;

import dev.jcompose.bridge.NetworkSpec;
import dev.jcompose.endpoint.EndpointSpec;
import java.util.function.Consumer;

/**
 * What the engine drives at the network boundary: networks (a bridge and its addresses each),
 * container endpoints (namespace, addresses, published ports) and the embedded DNS that answers
 * on each network. {@link KernelNetworkLayer} is the real one (bridges, veths, iptables, DNS
 * servers on the gateways); tests use an in-memory fake that passes the same contract suite.
 * Call {@link #recover()} once at start.
 */
public interface NetworkLayer {
    Networks networks();

    Endpoints endpoints();

    Dns dns();

    /**
     * Finishes what a killed process left half done (records not READY whose owner is gone) and
     * re-applies the layer's rules; what is READY stays as it is.
     */
    void recover();

    /** Networks by full name (project_net). */
    interface Networks {
        /**
         * Creates the network, or returns it when it exists with the same configuration (a
         * different one fails); external networks must already exist.
         */
        NetworkRecord ensure(NetworkSpec spec);

        /** Removes the network; refuses while endpoints are attached. A missing network is a no-op. */
        void remove(String name);

        /** Every network and endpoint, sorted by name and id. */
        NetworkState state();
    }

    /** Container endpoints by id (the container id). */
    interface Endpoints {
        /**
         * Creates the endpoint: its namespace, one address per network (lowest free, or the static
         * one asked for), its published ports. Attaching a READY endpoint again returns it unchanged.
         */
        EndpointRecord attach(EndpointSpec spec);

        /**
         * {@link #attach(EndpointSpec)}, running {@code meanwhile} with the endpoint's record once its
         * addresses are leased and its namespace exists (what a container's creation needs), at the
         * same time as the rest of the wiring: veths, addresses inside, published ports' rules. When
         * this returns both are done and the endpoint is READY; if either fails, the endpoint is
         * removed and the failure thrown (undoing what {@code meanwhile} made is the caller's job).
         * This default runs them one after the other.
         */
        default EndpointRecord attach(EndpointSpec spec, Consumer<EndpointRecord> meanwhile) {
            EndpointRecord r = attach(spec);
            try {
                meanwhile.accept(r);
            } catch (RuntimeException e) {
                detach(spec.id());
                throw e;
            }
            return r;
        }

        /** Removes the endpoint and releases its addresses and ports. A missing endpoint is a no-op. */
        void detach(String id);

        /**
         * Publishes the endpoint's requested ports again after {@link #unpublish}; a host port taken
         * meanwhile fails. An endpoint that has its ports, asks for none or is missing is returned as is
         * (null when missing).
         */
        EndpointRecord publish(String id);

        /** Releases the endpoint's published host ports, keeping what it asked for. No ports: no-op. */
        void unpublish(String id);

        /** Every network and endpoint, sorted by name and id. */
        NetworkState state();
    }

    /**
     * The embedded DNS: per network, the names of the endpoints registered on it. The engine serves a
     * network once it exists and stops before removing it, registers a container's names while it runs.
     */
    interface Dns extends AutoCloseable {
        /** No servers and no names: for tools and tests that only wire networks. */
        Dns NONE = new Dns() {
            @Override
            public void serve(NetworkRecord network) {}

            @Override
            public void stop(String network) {}

            @Override
            public void attached(EndpointRecord endpoint) {}

            @Override
            public void detached(EndpointRecord endpoint) {}

            @Override
            public void load(NetworkState state) {}

            @Override
            public void close() {}
        };

        /** Answers queries on the network's gateway; serving a network twice is a no-op. */
        void serve(NetworkRecord network);

        /** Stops answering on the network; a network not served is a no-op. */
        void stop(String network);

        /** The endpoint's names (per link) answer with its addresses on its networks. */
        void attached(EndpointRecord endpoint);

        /** The endpoint's names no longer answer. */
        void detached(EndpointRecord endpoint);

        /** Replaces every name with those of the READY endpoints in {@code state} (a restarted process). */
        void load(NetworkState state);

        /** Stops every network's server. */
        @Override
        void close();
    }
}
