package dev.jcompose.network;

import dev.jcompose.dns.DnsRegistry;
import dev.jcompose.dns.DnsService;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.nat.Chains;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The contract against the real layer: bridges, veths, iptables (chains of their own) and DNS servers
 * on the gateways, queried over UDP like a container would. {@link TestBed} removes what is left and
 * checks that nothing leaked.
 */
@Tag("root")
class KernelNetworkLayerContractRootTest extends NetworkLayerContract {
    private static final KernelNetworkLayer.Options OPTIONS =
            KernelNetworkLayer.Options.defaults().withChains(new Chains("JCCONTRACT"));

    @Override
    protected Subject open() throws Exception {
        Vertx vertx = Vertx.vertx();
        TestBed bed = new TestBed(OPTIONS, new DnsService(vertx, new DnsRegistry(), List.of(), DnsService.PORT));
        return new Subject() {
            private NetworkLayer layer = bed.layer;

            @Override
            public NetworkLayer layer() {
                return layer;
            }

            @Override
            public NetworkLayer restart() {
                layer.dns().close();
                layer = new KernelNetworkLayer(
                        bed.paths,
                        bed.runner,
                        OPTIONS,
                        new DnsService(vertx, new DnsRegistry(), List.of(), DnsService.PORT));
                return layer;
            }

            @Override
            public List<Ipv4> resolve(NetworkRecord network, String name) throws Exception {
                SimpleResolver r = new SimpleResolver(
                        new InetSocketAddress(network.gateway().toString(), DnsService.PORT));
                r.setTimeout(Duration.ofSeconds(3));
                Message answer =
                        r.send(Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), Type.A, DClass.IN)));
                List<Ipv4> ips = new ArrayList<>();
                if (answer.getRcode() == Rcode.NOERROR) {
                    for (Record rec : answer.getSection(Section.ANSWER)) {
                        if (rec instanceof ARecord a) {
                            ips.add(Ipv4.parse(a.getAddress().getHostAddress()));
                        }
                    }
                }
                return ips;
            }

            @Override
            public void close() throws Exception {
                try {
                    layer.dns().close();
                    bed.layer.dns().close();
                    bed.close();
                } finally {
                    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                }
            }
        };
    }
}
