package dev.jcompose.network;

/** Told when an endpoint becomes ready or goes away, e.g. the DNS registry. */
public interface EndpointEvents {
    EndpointEvents NONE = new EndpointEvents() {
        @Override
        public void attached(EndpointRecord endpoint) {}

        @Override
        public void detached(EndpointRecord endpoint) {}
    };

    void attached(EndpointRecord endpoint);

    void detached(EndpointRecord endpoint);
}
