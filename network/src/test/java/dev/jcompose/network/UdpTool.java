package dev.jcompose.network;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Run inside a test namespace (busybox nc has no UDP): {@code echo PORT} answers every datagram
 * with "echo:" + its text; {@code send HOST PORT TEXT} sends one datagram.
 */
public final class UdpTool {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("echo")) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("0.0.0.0", Integer.parseInt(args[1])))) {
                System.out.println("LISTENING");
                System.out.flush();
                while (true) {
                    DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
                    s.receive(p);
                    byte[] out = ("echo:" + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                    s.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                }
            }
        }
        try (DatagramSocket s = new DatagramSocket()) {
            byte[] out = args[3].getBytes(StandardCharsets.UTF_8);
            s.send(new DatagramPacket(out, out.length, new InetSocketAddress(args[1], Integer.parseInt(args[2]))));
        }
    }
}
