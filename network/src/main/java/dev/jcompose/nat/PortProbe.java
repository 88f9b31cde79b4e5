package dev.jcompose.nat;

import dev.jcompose.ipam.Ipv4;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether something on the host already listens on a port: we try to bind it ourselves. */
public interface PortProbe {
    boolean free(String protocol, Ipv4 hostIp, int port);

    /** Binds a real socket (no SO_REUSEADDR) on the address, or on all addresses when hostIp is null. */
    static PortProbe bind() {
        return (protocol, hostIp, port) -> {
            try {
                InetAddress addr =
                        hostIp == null ? InetAddress.getByName("0.0.0.0") : InetAddress.getByName(hostIp.toString());
                InetSocketAddress sa = new InetSocketAddress(addr, port);
                if (protocol.equals("udp")) {
                    try (DatagramSocket s = new DatagramSocket(null)) {
                        s.setReuseAddress(false);
                        s.bind(sa);
                    }
                } else {
                    try (ServerSocket s = new ServerSocket()) {
                        s.setReuseAddress(false);
                        s.bind(sa);
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }
}
