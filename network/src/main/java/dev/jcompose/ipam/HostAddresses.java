package dev.jcompose.ipam;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.host.Command;
import dev.jcompose.host.CommandRunner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a new network must know of the host: the subnets its routes and interfaces use, its links, and
 * its uplink's MTU. One {@code ip -j -batch} process reads the routes and the links with their
 * addresses (four {@code ip} processes did, ~5 ms each, on the path of every new network).
 */
public final class HostAddresses {
    public static final int FALLBACK_MTU = 1500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCH = "route show table main\naddr show\n";
    private final CommandRunner runner;

    public HostAddresses(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * The host as one read saw it.
     *
     * @param inUse every IPv4 route destination and interface subnet, default routes excluded
     * @param links the names of every link (interface) of the host's namespace
     * @param uplinkMtu the MTU of the default route's device (the default MTU of new bridges), 1500
     *     when there is no default route
     */
    public record View(List<Subnet> inUse, Set<String> links, int uplinkMtu) {
        public View {
            inUse = List.copyOf(inUse);
            links = Set.copyOf(links);
        }
    }

    public View read() {
        return view(runner.run(Command.of("ip", "-j", "-batch", "-").withStdin(BATCH))
                .orThrow()
                .stdout());
    }

    /** The view from the output of {@link #BATCH}: the routes' JSON array, then the links'. */
    static View view(String batchOutput) {
        List<JsonNode> docs = documents(batchOutput);
        JsonNode routes = docs.isEmpty() ? JSON.createArrayNode() : docs.get(0);
        JsonNode links = docs.size() < 2 ? JSON.createArrayNode() : docs.get(1);
        TreeSet<Subnet> inUse = new TreeSet<>(parseRoutes(routes));
        inUse.addAll(parseAddresses(links));
        Set<String> names = new TreeSet<>();
        links.forEach(l -> names.add(l.path("ifname").asText()));
        return new View(List.copyOf(inUse), names, mtuOf(links, defaultDevice(routes)));
    }

    /** Route destinations; "default" and unparsable entries are skipped. */
    static List<Subnet> parseRoutes(JsonNode routes) {
        List<Subnet> out = new ArrayList<>();
        for (JsonNode r : routes) {
            String dst = r.path("dst").asText("");
            if (!dst.isEmpty() && !dst.equals("default") && dst.matches("[0-9./]+")) {
                out.add(Subnet.parse(dst));
            }
        }
        return out;
    }

    /** The IPv4 subnets of the links' addresses. */
    static List<Subnet> parseAddresses(JsonNode links) {
        List<Subnet> out = new ArrayList<>();
        for (JsonNode link : links) {
            for (JsonNode a : link.path("addr_info")) {
                if (a.path("family").asText().equals("inet")) {
                    out.add(new Subnet(
                            Ipv4.parse(a.path("local").asText()),
                            a.path("prefixlen").asInt(32)));
                }
            }
        }
        return out;
    }

    private static String defaultDevice(JsonNode routes) {
        for (JsonNode r : routes) {
            if (r.path("dst").asText().equals("default") && r.has("dev")) {
                return r.path("dev").asText();
            }
        }
        return null;
    }

    private static int mtuOf(JsonNode links, String device) {
        for (JsonNode l : links) {
            if (l.path("ifname").asText().equals(device)) {
                return l.path("mtu").asInt(FALLBACK_MTU);
            }
        }
        return FALLBACK_MTU;
    }

    /** The JSON documents {@code ip -batch} printed one after the other. */
    private static List<JsonNode> documents(String out) {
        List<JsonNode> docs = new ArrayList<>();
        try (JsonParser p = JSON.createParser(out)) {
            while (p.nextToken() != null) {
                docs.add(JSON.readTree(p));
            }
        } catch (IOException | RuntimeException e) {
            throw new IpamException(
                    "cannot read the host's routes and addresses: unreadable output of ip -j -batch (" + e.getMessage()
                            + ")",
                    "check that iproute2's ip supports -json (iproute2 4.14 or later)");
        }
        return docs;
    }
}
