package dev.jcompose.dockerfile;

import java.util.List;
import java.util.Set;

/** {@code RUN [--mount=...]... [--network=...] [--security=...] command}. */
final class RunParser {
    private static final Set<String> NETWORKS = Set.of("default", "none", "host");

    private RunParser() {}

    static Instruction.Run run(InstructionParser.Raw raw) {
        Flags flags = raw.flags(Set.of("network", "security"), Set.of("mount"), Set.of());
        String network = flags.string("network");
        if (network != null && !NETWORKS.contains(network)) {
            throw raw.fail("invalid network mode \"" + network + "\"", "write --network=default, none or host");
        }
        security(raw, flags.string("security"));
        List<RunMount> mounts = flags.all("mount").stream()
                .map(spec -> MountParser.mount(raw, spec))
                .toList();
        var commandRaw = new InstructionParser.Raw(
                raw.at(), new LineSplitter.Split("RUN", List.of(), raw.rest()), raw.escape(), raw.heredocs());
        return new Instruction.Run(
                raw.at(), InstructionParser.command(commandRaw, false), mounts, network, raw.heredocs());
    }

    private static void security(InstructionParser.Raw raw, String security) {
        if (security == null || security.equals("sandbox")) {
            return;
        }
        if (security.equals("insecure")) {
            throw raw.fail(
                    "--security=insecure is not supported by jcompose",
                    "RUN steps run without extra privileges; drop the flag");
        }
        throw raw.fail("unsupported security mode \"" + security + "\"", "write --security=sandbox or leave it out");
    }
}
