package dev.jcompose.ipam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.host.Command;
import dev.jcompose.host.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The subnets the host already uses (routes and interface addresses), read from {@code ip -j}. */
public final class HostAddresses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CommandRunner runner;

    public HostAddresses(CommandRunner runner) {
        this.runner = runner;
    }

    /** Every IPv4 route destination and interface subnet on the host, default routes excluded. */
    public List<Subnet> inUse() {
        TreeSet<Subnet> out = new TreeSet<>(parseRoutes(run("ip", "-4", "-j", "route", "show", "table", "main")));
        out.addAll(parseAddresses(run("ip", "-4", "-j", "addr", "show")));
        return List.copyOf(out);
    }

    private String run(String... argv) {
        return runner.run(Command.of(argv)).orThrow().stdout();
    }

    /** Route destinations from {@code ip -j route}; "default" and unparsable entries are skipped. */
    public static List<Subnet> parseRoutes(String json) {
        List<Subnet> out = new ArrayList<>();
        for (JsonNode r : tree(json)) {
            String dst = r.path("dst").asText("");
            if (!dst.isEmpty() && !dst.equals("default") && dst.matches("[0-9./]+")) {
                out.add(Subnet.parse(dst));
            }
        }
        return out;
    }

    /** Interface subnets from {@code ip -j addr}. */
    public static List<Subnet> parseAddresses(String json) {
        List<Subnet> out = new ArrayList<>();
        for (JsonNode link : tree(json)) {
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

    static JsonNode tree(String json) {
        try {
            return json.isBlank() ? JSON.createArrayNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
