package dev.jcompose.dns;

import dev.jcompose.ipam.Ipv4;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Answers one network's queries: names the registry knows get A records (and their addresses PTR
 * records naming the endpoint's first name) (no AAAA: IPv4 only, but
 * NOERROR so clients do not give up), unknown single-label names get NXDOMAIN (they are the
 * project's names, never the internet's), other names are forwarded to the upstream resolvers,
 * except on internal networks, which get REFUSED. Transport-free: bytes in, bytes out.
 */
public final class DnsResponder {
    static final long TTL = 10;
    private final String network;
    private final boolean internal;
    private final DnsRegistry registry;
    private final List<InetSocketAddress> upstreams;

    public DnsResponder(String network, boolean internal, DnsRegistry registry, List<InetSocketAddress> upstreams) {
        this.network = network;
        this.internal = internal;
        this.registry = registry;
        this.upstreams = List.copyOf(upstreams);
    }

    /**
     * The reply's bytes, or null for garbage (dropped). Over UDP a reply larger than the client's
     * limit (512, or its EDNS payload size) is truncated with TC set, so it retries over TCP.
     */
    public CompletionStage<byte[]> answer(byte[] query, boolean udp) {
        return answer(query, udp, null);
    }

    /**
     * The same, answered for the container at {@code client} (the query's source address): names on
     * each of its networks and its link aliases ({@link DnsRegistry#lookup(String, Ipv4, String)}).
     */
    public CompletionStage<byte[]> answer(byte[] query, boolean udp, Ipv4 client) {
        Message q;
        try {
            q = new Message(query);
        } catch (IOException e) {
            return CompletableFuture.completedFuture(null);
        }
        int limit = !udp
                ? 65535
                : q.getOPT() == null ? 512 : Math.max(512, q.getOPT().getPayloadSize());
        return respond(q, client).thenApply(m -> m.toWire(limit));
    }

    private CompletionStage<Message> respond(Message q, Ipv4 client) {
        Record question = q.getQuestion();
        if (question == null) {
            return CompletableFuture.completedFuture(reply(q, Rcode.FORMERR));
        }
        String name = question.getName().toString(true);
        List<Ipv4> ips = registry.lookup(network, client, name);
        if (!ips.isEmpty()) {
            Message r = reply(q, Rcode.NOERROR);
            r.getHeader().setFlag(Flags.AA);
            if (question.getType() == Type.A || question.getType() == Type.ANY) {
                for (Ipv4 ip : ips) {
                    r.addRecord(new ARecord(question.getName(), DClass.IN, TTL, address(ip)), Section.ANSWER);
                }
            }
            return CompletableFuture.completedFuture(r);
        }
        if (question.getType() == Type.PTR && name.endsWith(".in-addr.arpa")) {
            String owner = registry.reverse(network, client, name);
            if (owner != null) {
                Message r = reply(q, Rcode.NOERROR);
                r.getHeader().setFlag(Flags.AA);
                r.addRecord(
                        new PTRRecord(question.getName(), DClass.IN, TTL, Name.fromConstantString(owner + ".")),
                        Section.ANSWER);
                return CompletableFuture.completedFuture(r);
            }
        }
        if (!name.contains(".")) {
            return CompletableFuture.completedFuture(reply(q, Rcode.NXDOMAIN));
        }
        if (internal || upstreams.isEmpty()) {
            return CompletableFuture.completedFuture(reply(q, Rcode.REFUSED));
        }
        return forward(q, 0);
    }

    private CompletionStage<Message> forward(Message q, int i) {
        SimpleResolver r = new SimpleResolver(upstreams.get(i));
        r.setTimeout(Duration.ofSeconds(2));
        return r.sendAsync(q)
                .thenApply(resp -> {
                    resp.getHeader().setID(q.getHeader().getID());
                    return resp;
                })
                .exceptionallyCompose(e -> i + 1 < upstreams.size()
                        ? forward(q, i + 1)
                        : CompletableFuture.completedFuture(reply(q, Rcode.SERVFAIL)));
    }

    private static Message reply(Message q, int rcode) {
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.RA);
        if (q.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
        }
        if (q.getQuestion() != null) {
            r.addRecord(q.getQuestion(), Section.QUESTION);
        }
        r.getHeader().setRcode(rcode);
        return r;
    }

    private static InetAddress address(Ipv4 ip) {
        int b = ip.bits();
        try {
            return InetAddress.getByAddress(
                    new byte[] {(byte) (b >>> 24), (byte) (b >>> 16), (byte) (b >>> 8), (byte) b});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
