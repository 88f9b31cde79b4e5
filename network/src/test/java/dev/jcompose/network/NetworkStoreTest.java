package dev.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkStoreTest {
    @TempDir
    Path dir;

    private static NetworkRecord net(Map<Ipv4, String> leases) {
        return net("p_default", leases);
    }

    /** A READY network record on 172.20.0.0/16 (other tests of the store use it too). */
    static NetworkRecord net(String name, Map<Ipv4, String> leases) {
        return new NetworkRecord(
                name,
                "jc-0123456789",
                Subnet.parse("172.20.0.0/16"),
                Ipv4.parse("172.20.0.1"),
                null,
                false,
                1500,
                Phase.READY,
                leases,
                "1@x");
    }

    @Test
    void concurrentReadModifyWritesLoseNothingAndSurviveAReload() throws Exception {
        NetworkStore store = new NetworkStore(dir);
        store.locked(t -> {
            t.put(t.state().with(net(Map.of())));
            return null;
        });
        List<Thread> threads = new ArrayList<>();
        for (int th = 0; th < 4; th++) {
            int base = th * 25;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 25; i++) {
                    int n = base + i;
                    store.locked(t -> {
                        NetworkRecord r = t.state().networks().get("p_default");
                        Map<Ipv4, String> l = new TreeMap<>(r.leases());
                        l.put(Ipv4.parse("172.20.1." + n), "e" + n);
                        t.put(t.state().with(r.withLeases(l)));
                        return null;
                    });
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        NetworkState reloaded = new NetworkStore(dir).snapshot();
        assertThat(reloaded.networks().get("p_default").leases()).hasSize(100);
        assertThat(Files.readString(dir.resolve("state.json"))).contains("\"172.20.1.7\" : \"e7\"");
        NetworkRecord released = reloaded.networks().get("p_default").release("e7");
        assertThat(released.leases()).hasSize(99);
        assertThat(released.release("e7")).isEqualTo(released);
    }

    /** Each store keeps the state it last read; a write by another (another process) is seen, not overwritten. */
    @Test
    void twoStoresOnOneDirectorySeeEachOthersWrites() {
        NetworkStore one = new NetworkStore(dir);
        NetworkStore other = new NetworkStore(dir);
        one.locked(t -> {
            t.put(t.state().with(net(Map.of())));
            return null;
        });
        for (int n = 0; n < 20; n++) {
            NetworkStore writer = n % 2 == 0 ? one : other;
            int lease = n;
            writer.locked(t -> {
                NetworkRecord r = t.state().networks().get("p_default");
                Map<Ipv4, String> l = new TreeMap<>(r.leases());
                l.put(Ipv4.parse("172.20.2." + lease), "e" + lease);
                t.put(t.state().with(r.withLeases(l)));
                return null;
            });
        }
        assertThat(one.snapshot().networks().get("p_default").leases()).hasSize(20);
        assertThat(other.snapshot()).isEqualTo(one.snapshot());
        one.locked(t -> {
            t.put(t.state().withoutNetwork("p_default"));
            return null;
        });
        one.deleteIfEmpty();
        assertThat(other.snapshot().networks()).isEmpty();
    }
}
