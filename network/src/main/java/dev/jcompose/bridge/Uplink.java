package dev.jcompose.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.host.Command;
import dev.jcompose.host.CommandResult;
import dev.jcompose.host.CommandRunner;
import java.io.IOException;

/** The host's uplink (the default-route interface): its MTU is the default MTU of new bridges. */
public final class Uplink {
    public static final int FALLBACK_MTU = 1500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CommandRunner runner;

    public Uplink(CommandRunner runner) {
        this.runner = runner;
    }

    /** MTU of the default-route device, or 1500 when there is no default route. */
    public int mtu() {
        String dev = defaultDevice(runner.run(Command.of("ip", "-4", "-j", "route", "show", "default"))
                .stdout());
        if (dev == null) {
            return FALLBACK_MTU;
        }
        CommandResult link = runner.run(Command.of("ip", "-j", "link", "show", "dev", dev));
        return link.ok() ? mtuOf(link.stdout()) : FALLBACK_MTU;
    }

    static String defaultDevice(String routesJson) {
        JsonNode t = read(routesJson);
        for (JsonNode r : t) {
            if (r.path("dst").asText().equals("default") && r.has("dev")) {
                return r.path("dev").asText();
            }
        }
        return null;
    }

    static int mtuOf(String linkJson) {
        JsonNode t = read(linkJson);
        return t.size() > 0 ? t.get(0).path("mtu").asInt(FALLBACK_MTU) : FALLBACK_MTU;
    }

    private static JsonNode read(String json) {
        try {
            return json.isBlank() ? JSON.createArrayNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createArrayNode();
        }
    }
}
