package dev.jcompose.dns;

import dev.jcompose.JcomposeException;
import dev.jcompose.ipam.Ipv4;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.concurrent.TimeUnit;

/**
 * One network's embedded DNS server: UDP and TCP (2-byte length framing) on the gateway address,
 * on Vert.x event loops. Never blocks: forwarding is asynchronous.
 */
public final class DnsServer implements AutoCloseable {
    private final DatagramSocket udp;
    private final NetServer tcp;

    private DnsServer(DatagramSocket udp, NetServer tcp) {
        this.udp = udp;
        this.tcp = tcp;
    }

    public static DnsServer start(Vertx vertx, String host, int port, DnsResponder responder) {
        DatagramSocket udp = vertx.createDatagramSocket();
        udp.handler(packet -> responder
                .answer(packet.data().getBytes(), true, client(packet.sender().host()))
                .thenAccept(bytes -> {
                    if (bytes != null) {
                        udp.send(
                                Buffer.buffer(bytes),
                                packet.sender().port(),
                                packet.sender().host());
                    }
                }));
        NetServer tcp = vertx.createNetServer().connectHandler(sock -> serve(sock, responder));
        try {
            await(udp.listen(port, host));
            await(tcp.listen(port, host));
        } catch (RuntimeException e) {
            udp.close();
            tcp.close();
            throw new JcomposeException(
                    "cannot start the DNS server on " + host + ":" + port + ": " + e.getMessage(),
                    "check that nothing else listens on port " + port + " of " + host);
        }
        return new DnsServer(udp, tcp);
    }

    private static void serve(NetSocket sock, DnsResponder responder) {
        RecordParser parser = RecordParser.newFixed(2);
        int[] want = {-1};
        parser.handler(buf -> {
            if (want[0] < 0) {
                want[0] = buf.getUnsignedShort(0);
                parser.fixedSizeMode(Math.max(want[0], 1));
                return;
            }
            want[0] = -1;
            parser.fixedSizeMode(2);
            responder
                    .answer(buf.getBytes(), false, client(sock.remoteAddress().host()))
                    .thenAccept(bytes -> {
                        if (bytes != null) {
                            sock.write(Buffer.buffer()
                                    .appendUnsignedShort(bytes.length)
                                    .appendBytes(bytes));
                        }
                    });
        });
        sock.handler(parser);
    }

    /** The asking container's address; null for what is not an IPv4 address (then: the network's names). */
    private static Ipv4 client(String host) {
        try {
            return host != null && host.matches("\\d{1,3}(\\.\\d{1,3}){3}") ? Ipv4.parse(host) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    @Override
    public void close() {
        await(udp.close());
        await(tcp.close());
    }
}
