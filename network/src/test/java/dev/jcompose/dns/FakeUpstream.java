package dev.jcompose.dns;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/** A stand-in for the host's resolver on 127.0.0.1 (tests never forward anywhere else): every A is 127.0.0.99. */
public final class FakeUpstream implements AutoCloseable {
    private final DatagramSocket socket;
    private final AtomicInteger queries = new AtomicInteger();

    public FakeUpstream() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().start(this::serve);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public int queries() {
        return queries.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
                socket.receive(p);
                queries.incrementAndGet();
                Message q = new Message(Arrays.copyOf(p.getData(), p.getLength()));
                Message a = new Message(q.getHeader().getID());
                a.getHeader().setFlag(Flags.QR);
                a.addRecord(q.getQuestion(), Section.QUESTION);
                a.addRecord(
                        new ARecord(q.getQuestion().getName(), DClass.IN, 30, InetAddress.getByName("127.0.0.99")),
                        Section.ANSWER);
                byte[] out = a.toWire();
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
