package dev.jcompose.session;

import dev.jcompose.client.SessionWire;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The frames a session sends, written by a thread of their own. The command's thread is
 * interrupted when the user's signal cancels it, and an interrupt that meets a thread blocked on a
 * socket channel closes the channel: so the command's thread only queues, and the exit code still
 * reaches the client.
 */
final class Outbox implements AutoCloseable {
    private static final SessionWire.Frame DONE = new SessionWire.Frame((byte) 0, new byte[0]);

    private final SessionWire wire;
    private final BlockingQueue<SessionWire.Frame> queue = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean broken;

    Outbox(SessionWire wire) {
        this.wire = wire;
        this.sender = Thread.ofVirtual().name("jcompose-session-sender").start(this::drain);
    }

    void send(byte type, byte[] payload) {
        if (!broken) {
            queue.add(new SessionWire.Frame(type, payload));
        }
    }

    void sendInt(byte type, int value) {
        send(type, java.nio.ByteBuffer.allocate(4).putInt(value).array());
    }

    private void drain() {
        try {
            for (SessionWire.Frame f = queue.take(); f != DONE; f = queue.take()) {
                if (!broken) {
                    wire.write(f.type(), f.payload());
                }
            }
        } catch (IOException e) {
            broken = true; // the client hung up; what is still queued has nowhere to go
            queue.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends what is queued, then returns; an interrupt of the caller does not cut it short. */
    @Override
    public void close() {
        queue.add(DONE);
        boolean interrupted = false;
        while (sender.isAlive()) {
            try {
                sender.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
